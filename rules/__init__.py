"""The built-in rules, one module per family; each module's ``RULES`` is registered under the
``newslint.rules`` entry-point group in pyproject.toml, exactly as a third-party plugin would be."""
