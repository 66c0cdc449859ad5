#!/usr/bin/env python
from lantoa.cli import main

if __name__ == "__main__":
    main()
