"""Packaging that pyproject.toml cannot say alone: the top-level templates/ and static/
(where the design keeps them) travel inside the wheel as campaign/templates and
campaign/static, so an installed wheel serves pages from any working directory.
Everything else about the project is in pyproject.toml."""
from setuptools import find_namespace_packages, setup

SHIPPED_DIRECTORIES = {"campaign.templates": "templates", "campaign.static": "static"}


def packages() -> list[str]:
    # Namespace discovery, so that folders of data (campaign/data, templates/auth) are
    # packages too and their files ship as package data.
    found = find_namespace_packages(include=["campaign", "campaign.*", "letters", "letters.*"],
                                    exclude=["*__pycache__*"])
    for package, directory in SHIPPED_DIRECTORIES.items():
        found += [package] + [f"{package}.{sub}" for sub in find_namespace_packages(
            where=directory, exclude=["*__pycache__*"])]
    return found


setup(
    packages=packages(),
    package_dir=SHIPPED_DIRECTORIES,
    package_data={
        "campaign.data": ["*.json"],
        # Open Innovations' hex positions, with the MIT licence that must travel with them.
        "campaign.data.hexmap": ["*.hexjson", "LICENSE"],
        "campaign.demo.samples": ["*.json"],
        # The compiled Welsh catalogue the site reads (`make translations` makes it).
        "campaign.translations.cy.LC_MESSAGES": ["*.mo"],
        # Every shipped package by name: setuptools 84 matches no wildcards in these keys.
        **{package: ["*"] for package in packages() if package.startswith(tuple(SHIPPED_DIRECTORIES))},
    },
)
