"""Views, viewlets and the control panel of ezabrze.theme."""
