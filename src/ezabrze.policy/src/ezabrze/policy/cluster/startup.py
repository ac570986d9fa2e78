"""The cyclic garbage collector of a Zope process: objects made at start-up are left out of its full collections.

A started instance holds some 450,000 objects that Python's cyclic garbage collector tracks, most of them made at
start-up (modules, classes, schemata, the component registry) and alive until the process ends. Each full
collection walks all of them: measured on the 20,000-card benchmark site (scripts/bench_scale_cpu.py), one took
380 ms of CPU and made the request it fell into the slowest of its query (p99 299 ms against a median of 17 ms).
``gc.freeze()`` once the process has started moves them to the permanent generation, which collections skip;
objects made later (requests, the ZODB caches) are collected as before.
"""

import gc


def freeze_startup_objects(event):
    """IProcessStarting: collect once, then leave what survives out of later collections."""
    gc.collect()
    gc.freeze()
