"""Old module paths, from before the code was laid out one folder per feature (profile version 1001).

Databases made before that hold pickles that name classes and interfaces by their module path: content objects
(Service, OrganizationalUnit, DistrictCouncil, Notice) and marker interfaces provided by folders
(IServiceCatalogue, IUnitDirectory, ICouncilsSection). The upgrade step to 1002 points the types to the new
classes for new content, but existing objects keep the old path in their pickle until they are written again.
So the old paths stay importable: importing one gives the new module itself (the same module object, so the
classes are identical), nothing is loaded twice. Keep this as long as a database from before 1002 may exist.
"""

import importlib
import importlib.abc
import importlib.util
import sys


MOVED = {
    "ezabrze.policy.content": "ezabrze.policy.catalogue.content",
    "ezabrze.policy.content.service": "ezabrze.policy.catalogue.content.service",
    "ezabrze.policy.content.unit": "ezabrze.policy.catalogue.content.unit",
    "ezabrze.policy.content.interfaces": "ezabrze.policy.catalogue.interfaces",
    "ezabrze.policy.content.notice": "ezabrze.policy.councils.content",
    "ezabrze.policy.districts": "ezabrze.policy.councils.content",
}


class _Alias(importlib.abc.Loader):
    def __init__(self, target):
        self.target = target

    def create_module(self, spec):
        return importlib.import_module(self.target)

    def exec_module(self, module):
        """The target module is already executed."""


class MovedModuleFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        new = MOVED.get(fullname)
        if new is None:
            return None
        return importlib.util.spec_from_loader(fullname, _Alias(new))


def install():
    if not any(isinstance(finder, MovedModuleFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, MovedModuleFinder())
