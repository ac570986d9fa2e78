"""Demo news in "Aktualności", written from the e-Zabrze seed document."""

from datetime import datetime
from plone import api
from plone.app.textfield.value import RichTextValue
from zoneinfo import ZoneInfo


WARSAW = ZoneInfo("Europe/Warsaw")

NEWS = (
    (
        "infokioski-w-zabrzu",
        "17 infokiosków w mieście",
        "Na bazie miejskiej sieci światłowodowej działa 17 infokiosków z informacją i e-usługami.",
        "<p>Infokioski stoją w urzędzie, w bibliotekach i w centrach dzielnic. Przez kioski można sprawdzić "
        "katalog e-usług, status sprawy i ogłoszenia rad dzielnic.</p>",
        datetime(2026, 11, 20, 10, 0, tzinfo=WARSAW),
    ),
    (
        "226-e-uslug",
        "226 e-usług urzędu i jednostek",
        "System obiegu dokumentów powiązany z platformą SEKAP objął urząd i 118 jednostek.",
        "<p>Mieszkańcy, przedsiębiorcy i organizacje pozarządowe mogą załatwić elektronicznie 226 spraw. "
        "Karty usług opisują, jakie dokumenty są potrzebne, ile to kosztuje i jak długo trwa.</p>",
        datetime(2026, 11, 18, 9, 30, tzinfo=WARSAW),
    ),
    (
        "wspolpraca-to-sie-oplaca",
        "„Współpraca – to się opłaca!”: konsultacje i konkursy ofert online",
        "Zabrze jako pierwsze w Polsce udostępniło organizacjom pozarządowym platformy konsultacji i oceny ofert.",
        "<p>Organizacje pozarządowe opiniują projekty dokumentów rozdział po rozdziale i składają oferty "
        "w otwartych konkursach, które komisja ocenia zgodnie z ustawą o działalności pożytku publicznego "
        "i o wolontariacie.</p>",
        datetime(2026, 11, 12, 12, 0, tzinfo=WARSAW),
    ),
)


def create(portal):
    folder = portal["aktualnosci"]
    for id_, title, description, html, effective in NEWS:
        if id_ in folder:
            continue
        item = api.content.create(
            container=folder,
            type="News Item",
            id=id_,
            title=title,
            description=description,
            text=RichTextValue(html, "text/html", "text/x-html-safe"),
        )
        item.setEffectiveDate(effective)
        api.content.transition(item, to_state="published")
        item.reindexObject()
