"""The package's metadata and dependencies are in setup.cfg."""

from setuptools import setup


setup()
