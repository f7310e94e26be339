"""`python -m service` is the `summarise` command."""

from service.cli import main

raise SystemExit(main())
