"""Allows ``python -m stpeters_desk`` to behave exactly like the ``stpeters-desk`` command."""

from stpeters_desk.app import main

raise SystemExit(main())
