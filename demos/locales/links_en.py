"""English text of the links that reopen a setup (demos/links.py), used by every tab."""

STRINGS: dict[str, str] = {
    "common_link_button": "Copy link",
    "common_link_field": "Link to this setup",
    "common_link_info": (
        "Copied to the clipboard where the browser allows it (otherwise copy it from here). "
        "Opening it shows this section with these settings and this seed."
    ),
    "common_link_value": "value",
    "common_link_restored": "The link's setup is back. Results that come from a button (train, generate) come back when you press it.",
    "common_link_adjusted": "Out of range in the link, set to the nearest allowed value: {names}.",
    "common_link_ignored": "The link had settings this page does not know or cannot read; they were left out: {names}.",
}
