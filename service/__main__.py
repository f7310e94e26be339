"""`python -m service` is the `summarise` command."""

from service.cli.main import main

raise SystemExit(main())
