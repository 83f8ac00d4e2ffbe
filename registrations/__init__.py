"""Event registration: seats, check-in, personal links, purge and the registrants' e-mails.

Kept together under one package so that it can become the `registrations` app by a move: it
depends on `events.models` (Event, Registration, OutgoingEmail) and `portal`, and nothing in
`events` outside the registration views and admin depends on it.
"""
