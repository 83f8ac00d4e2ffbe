"""The registration services, one module per concern: seats (sign-up, cancellation, promotion,
capacity), check_in, links (the signed personal link), purge (law 09-08) and emails (what is
owed to a registrant, sent by a background task). Refusals are in ..exceptions.

Every write that changes who holds a seat goes through `seats`: the functions are keyword-only
and atomic, named <thing>_<action>.
"""
