def test_loads(portal):
    section = portal["strategia-e-zabrze"]
    assert "strategia-2020" in section.objectIds()
    assert "siec" in section.objectIds()
