"""Demo content of the intranet (issue 4): the staff directory and internal news, idempotent."""

from ezabrze.policy import intranet
from ezabrze.policy.intranet.content import intranet_folder
from plone import api
from plone.app.textfield.value import RichTextValue


STAFF = (
    ("anna-kowalska", "Anna Kowalska", "Naczelnik Wydziału", "Wydział Organizacyjny", "+48 32 373 33 10", "101"),
    ("jan-nowak", "Jan Nowak", "Inspektor", "Wydział Organizacyjny", "+48 32 373 33 11", "102"),
    ("ewa-wisniewska", "Ewa Wiśniewska", "Kierownik Referatu", "Wydział Komunikacji", "+48 32 373 34 20", "12"),
    ("piotr-zielinski", "Piotr Zieliński", "Podinspektor", "Wydział Komunikacji", "+48 32 373 34 21", "14"),
    ("marta-lewandowska", "Marta Lewandowska", "Koordynator Rad Dzielnic", "Biuro Rady Miasta",
     "+48 32 373 35 00", "205"),
    ("tomasz-wojcik", "Tomasz Wójcik", "Administrator systemów", "Wydział Informatyki", "+48 32 373 36 00", "310"),
)


def create(portal):
    folder = intranet_folder(portal)
    if folder is None:
        return
    directory = folder.get(intranet.DIRECTORY_ID)
    if directory is not None:
        for id_, name, position, unit, phone, room in STAFF:
            if id_ in directory.objectIds():
                continue
            api.content.create(
                container=directory,
                type="StaffMember",
                id=id_,
                title=name,
                position=position,
                unit_name=unit,
                phone=phone,
                email=f"{id_.replace('-', '.')}@um.zabrze.pl",
                room=room,
            )
    if "szkolenie-epuap" not in folder.objectIds():
        api.content.create(
            container=folder,
            type="News Item",
            id="szkolenie-epuap",
            title="Szkolenie z obsługi skrytki ePUAP",
            description="Szkolenie dla pracowników kancelarii i wydziałów merytorycznych.",
            text=RichTextValue(
                "<p>Wydział Informatyki zaprasza pracowników kancelarii na szkolenie z obsługi skrytki ePUAP "
                "i systemu obiegu dokumentów. Zapisy u koordynatora w wydziale.</p>",
                "text/html",
                "text/x-html-safe",
            ),
        )
