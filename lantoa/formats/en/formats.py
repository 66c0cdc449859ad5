# English pages keep the Vietnamese day/month/year order officials read; only the number separators change.
from lantoa.formats.vi.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
