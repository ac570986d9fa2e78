"""The scan for English on Polish pages (ezabrze.policy.testing.polish.english_words) finds English in text and
in the attributes a screen reader reads, and leaves out code, user data, allowed phrases and known gaps."""

from ezabrze.policy.testing.polish import english_words


PAGE = """<html><head><title>Zaznacz — Miasto Zabrze</title></head><body>
<input type="checkbox" title="Remove user Ala Mieszkanka" />
<img alt="Obraz" src="/a.png" /><a aria-label="Zamknij" href="/x">Pokaż</a>
<input type="submit" value="Zapisz" /><input type="text" value="Save the date" />
<p>Dane z <code>portal_type</code> i <pre>the code</pre></p><script>var the = 1;</script>
<p>Plik plone.app.querystring.field, text/html, ${user_email}, objectClass=user, [publish]</p>
<span>title</span><textarea>Text of the user</textarea>
</body></html>"""


def test_english_in_an_attribute_is_found_with_the_page_attribute_and_word():
    assert english_words(PAGE) == [
        "<input title> 'Remove user Ala Mieszkanka': 'Remove'",
        "<input title> 'Remove user Ala Mieszkanka': 'user'",
    ]


def test_user_data_and_allowed_phrases_are_left_out():
    assert english_words(PAGE, user_data={"Ala Mieszkanka"}, allowed={"Remove user"}) == []


def test_known_gaps_are_whole_texts():
    assert english_words(PAGE, known={"Remove user Ala Mieszkanka"}) == []
    assert english_words(PAGE, known={"Remove user"}) != []


def test_text_buttons_and_headings_are_scanned():
    html = "<html><head><title>Site Setup</title></head><body><h1>Ustawienia</h1>" \
           "<input type='submit' value='Save' /><button>Cancel</button></body></html>"
    assert english_words(html) == [
        "<title> 'Site Setup': 'Setup'",
        "<title> 'Site Setup': 'Site'",
        "<input value> 'Save': 'Save'",
        "<button> text 'Cancel': 'Cancel'",
    ]


def test_a_choice_offered_by_its_raw_value_is_scanned_even_as_one_word():
    """One lowercase word is taken for a name (a field id) and left out, but not as an <option> whose label is
    its value: a vocabulary term without a title shown raw (the Notify action's message types)."""
    html = "<html><body><span>error</span><select><option value='error'>error</option>" \
           "<option value='warning'>Ostrzeżenie</option><option value='info'>info</option></select></body></html>"
    assert english_words(html) == ["<option> label that is its raw value 'error': 'error'"]
    assert english_words(html.replace(">error</option>", ">Błąd</option>")) == []
