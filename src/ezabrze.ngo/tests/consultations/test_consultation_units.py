"""The draft as numbered units with stable anchors."""

from ezabrze.ngo.consultations.units import parse


def test_numbered_units_and_anchors():
    html = (
        "<h2>Rozdział 1</h2><p>§ 1. Program określa cele.</p><p>§ 2.</p><p>1. Cel główny:</p>"
        "<p>1) wspieranie</p><p>a) litera</p><p>2) rozwój</p><p>2. Drugi ustęp.</p><p>ciąg dalszy</p>"
    )
    units = parse(html)
    assert [(u["id"], u["label"]) for u in units] == [
        ("tekst-1", ""),
        ("par-1", "§ 1"),
        ("par-2", "§ 2"),
        ("par-2-ust-1", "§ 2 ust. 1"),
        ("par-2-ust-1-pkt-1", "§ 2 ust. 1 pkt 1"),
        ("par-2-ust-1-pkt-1-lit-a", "§ 2 ust. 1 pkt 1 lit. a"),
        ("par-2-ust-1-pkt-2", "§ 2 ust. 1 pkt 2"),
        ("par-2-ust-2", "§ 2 ust. 2"),
    ]
    assert units[-1]["text"] == "Drugi ustęp.\nciąg dalszy"


def test_anchors_do_not_move_when_a_paragraph_is_inserted_elsewhere():
    before = parse("<p>§ 1. A.</p><p>§ 2. B.</p><p>1. B1.</p>")
    after = parse("<p>§ 1. A.</p><p>§ 1a. Nowy.</p><p>§ 2. B.</p><p>1. B1.</p>")
    assert {u["id"]: u["text"] for u in before}.items() <= {u["id"]: u["text"] for u in after}.items()


def test_duplicate_numbers_get_distinct_anchors_and_markup_is_text():
    units = parse("<p>§ 1. <b>A</b> &lt;script&gt;</p><p>§ 1. B</p><div><p>tekst bez numeru</p></div>")
    assert [u["id"] for u in units] == ["par-1", "par-1-2"]
    assert units[0]["text"] == "A <script>"  # plain text: the templates and exports escape it
    assert units[1]["text"] == "B\ntekst bez numeru"
    assert parse("") == []
