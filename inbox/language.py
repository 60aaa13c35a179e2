"""Language of an enquiry. PLACEHOLDER until language detection lands: replace entirely."""


def detect_language(text: str, default: str = "") -> str:
    return default
