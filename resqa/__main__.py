"""`python -m resqa` is the `resqa` command."""

import sys

from resqa.cli import main

sys.exit(main())
