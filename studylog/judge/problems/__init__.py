"""The problem bank: problems on disk, the folder formats they are added from, their test
cases and each problem's status for the user.

:mod:`.bank` loads problems; :mod:`.folders` reads a folder of tests (studylog, plain
``.in``/``.ans``, Polygon); :mod:`.add` adds and exports problem folders; :mod:`.cases` builds
test cases; :mod:`.status` is the per-user status of each problem.
"""
