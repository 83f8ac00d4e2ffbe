"""How registration pages and e-mails show a reference (events.formatting: an event)."""

import segno


def reference_qr(reference: str) -> segno.QRCode:
    """The door's QR code of a reference (the personal page shows it as SVG, e-mails as PNG)."""
    return segno.make(reference, error="m", micro=False)
