"""The accessibility statement (deklaracja dostępności), required by the act of 4 April 2019
on the digital accessibility of public bodies' websites. Element ids follow the official structure."""

ID = "deklaracja-dostepnosci"
TITLE = "Deklaracja dostępności"
DESCRIPTION = "Deklaracja dostępności portalu Miasta Zabrze (WCAG 2.1 AA)."

TEXT = """
<p id="a11y-wstep"><span id="a11y-podmiot">Urząd Miejski w Zabrzu</span> zobowiązuje się zapewnić dostępność
swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych
i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy strony
<a id="a11y-url" href=".">portal Miasta Zabrze</a>.</p>
<ul>
<li>Data publikacji strony internetowej: <span id="a11y-data-publikacja">2026-11-25</span>.</li>
<li>Data ostatniej istotnej aktualizacji: <span id="a11y-data-aktualizacja">2026-11-25</span>.</li>
</ul>
<h2>Stan dostępności cyfrowej</h2>
<p id="a11y-status">Strona internetowa jest częściowo zgodna z ustawą o dostępności cyfrowej z powodu niezgodności
lub wyłączeń wymienionych poniżej.</p>
<ul>
<li>Część załączników opublikowanych przed 23 września 2018 r. to skany dokumentów bez warstwy tekstowej
(wyłączenie ustawowe).</li>
<li>Mapy lokalizacji jednostek są uzupełnione adresem tekstowym, ale same mapy nie są w pełni dostępne z klawiatury.</li>
</ul>
<h2>Przygotowanie deklaracji dostępności</h2>
<ul>
<li>Deklarację sporządzono dnia: <span id="a11y-data-sporzadzenie">2026-11-25</span>.</li>
<li>Deklarację sporządzono na podstawie <span id="a11y-audytor">samooceny przeprowadzonej przez podmiot publiczny
(testy automatyczne axe-core i przegląd ręczny)</span>.</li>
</ul>
<p>Deklarację poddaje się przeglądowi corocznie, do 31 marca, oraz po każdej istotnej zmianie strony.</p>
<h2 id="a11y-kontakt">Informacje zwrotne i dane kontaktowe</h2>
<p>Osobą kontaktową jest <span id="a11y-osoba">koordynator do spraw dostępności</span>,
e-mail <a id="a11y-email" href="mailto:dostepnosc@um.zabrze.pl">dostepnosc@um.zabrze.pl</a>,
telefon <a id="a11y-telefon" href="tel:+48323733300">+48 32 373 33 00</a>.
Tą samą drogą można zgłaszać problemy z dostępnością cyfrową i żądać udostępnienia niedostępnej informacji
w formie alternatywnej.</p>
<h2>Procedura wnioskowo-skargowa</h2>
<div id="a11y-procedura">
<p>Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jej elementu.
Żądanie powinno zawierać dane osoby zgłaszającej, wskazanie strony lub elementu oraz sposób kontaktu.
Podmiot publiczny realizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni od jego otrzymania.
Jeżeli dotrzymanie tego terminu nie jest możliwe, podmiot informuje o tym wnioskodawcę i o terminie realizacji
żądania, nie dłuższym niż 2 miesiące. Jeżeli zapewnienie dostępności nie jest możliwe, podmiot może zaproponować
alternatywny sposób dostępu do informacji.</p>
<p>W przypadku odmowy realizacji żądania lub alternatywnego sposobu dostępu wnioskodawca może złożyć skargę do
podmiotu publicznego. Po wyczerpaniu tej procedury można złożyć wniosek do Rzecznika Praw Obywatelskich.</p>
</div>
<h2>Dostępność architektoniczna</h2>
<p>Siedziba Urzędu Miejskiego w Zabrzu, ul. Powstańców Śląskich 5-7, 41-800 Zabrze: wejście główne bez progów,
winda do wszystkich kondygnacji, toaleta dostosowana na parterze. Do budynku można wejść z psem asystującym.
Urząd zapewnia tłumacza polskiego języka migowego po wcześniejszym zgłoszeniu (3 dni robocze).</p>
"""

REQUIRED_IDS = (
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-audytor",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
)
