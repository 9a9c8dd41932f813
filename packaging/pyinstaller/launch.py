"""Entry point of the frozen app: the same ``dpo-desk`` command as the installed console script."""

import sys

from dpo_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
