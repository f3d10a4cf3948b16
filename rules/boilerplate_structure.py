"""BP: boilerplate of page structure (navigation, bylines, tags, credits). Being written."""

RULES: list = []
