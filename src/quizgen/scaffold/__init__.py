"""``quizgen new``: write a small, complete course module that builds and tests as it is.

The project holds content and configuration only (its one Python file is ``conf.py``); the
machinery lives in the ``quizgen`` package, so upgrading quizgen upgrades every module.
"""
