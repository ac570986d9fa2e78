"""Secret tracking codes: shown once to the resident and e-mailed; only a salted hash is stored."""

import hashlib
import hmac
import secrets


CODE_BYTES = 12  # 96 bits of randomness: 16 URL-safe characters


def new_code():
    return secrets.token_urlsafe(CODE_BYTES)


def hash_code(code, salt=None):
    """'pbkdf2_sha256$<iterations>$<salt hex>$<digest hex>' — slow enough to make a stolen hash useless
    for guessing, fast enough (a few ms) for the status page."""
    salt = salt or secrets.token_bytes(16)
    iterations = 20000
    digest = hashlib.pbkdf2_hmac("sha256", code.strip().encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def check_code(code, stored):
    """Constant-time comparison. Unknown or malformed hashes never match (but cost the same)."""
    try:
        algorithm, iterations, salt, digest = (stored or "").split("$")
        iterations = int(iterations)
        salt = bytes.fromhex(salt)
        expected = bytes.fromhex(digest)
    except (ValueError, AttributeError):
        algorithm, iterations, salt, expected = "", 20000, b"\0" * 16, b""
    if not isinstance(code, str):
        code = ""
    computed = hashlib.pbkdf2_hmac("sha256", code.strip().encode("utf-8"), salt, iterations)
    return algorithm == "pbkdf2_sha256" and hmac.compare_digest(computed, expected)


def dummy_check(code):
    """Spend the same time as a real check: an unknown sign must not answer faster than a wrong code."""
    check_code(code, None)
    return False
