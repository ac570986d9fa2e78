from setuptools import find_namespace_packages
from setuptools import setup


setup(
    name="ezabrze.theme",
    version="1.0.0.dev0",
    description="e-Zabrze Classic UI theme: city identity, accessibility, kiosk mode",
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
        "plone.app.layout",
        "plonetheme.barceloneta",
        "plone.app.theming",
        "plone.transformchain",  # the kiosk layout is applied to the themed page
        "segno",  # QR codes of external links and downloads in kiosk mode (pure Python, no imaging library)
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.restapi[test]",
            "pytest",
            "pytest-plone",
            "requests",
        ],
    },
    entry_points={"z3c.autoinclude.plugin": ["target = plone"]},
)
