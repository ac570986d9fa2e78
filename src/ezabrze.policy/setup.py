from setuptools import find_namespace_packages
from setuptools import setup


setup(
    name="ezabrze.policy",
    version="1.0.0.dev0",
    description="e-Zabrze site policy: site set-up, municipal content types, workflows and forms",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    author="Urząd Miejski w Zabrzu",
    license="GPL-2.0-only",
    package_dir={"": "src"},
    packages=find_namespace_packages("src", include=["ezabrze.*"]),
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.10",
    install_requires=[
        "Products.CMFPlone",
        "plone.api",
        "plone.restapi",
        "plone.app.contenttypes",
        "plone.app.layout",
        "plone.app.dexterity",
        "plone.app.caching",
        "plone.app.discussion",
        "collective.easyform",
        "collective.honeypot",
        "python-stdnum",
        "openpyxl",  # XLSX export of cases
        "icalendar",  # iCalendar feeds of council meetings
        "morfeusz2",  # Polish morphology: base forms of words in the full-text index
        "ezabrze.theme",
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.restapi[test]",
            "pytest",
            "pytest-plone",
            "aiosmtpd",  # a real local SMTP server in the tests
            "feedparser",  # the RSS feeds are parsed by a real parser
            "requests",
            "selenium",
        ],
    },
    entry_points={"z3c.autoinclude.plugin": ["target = plone"]},
)
