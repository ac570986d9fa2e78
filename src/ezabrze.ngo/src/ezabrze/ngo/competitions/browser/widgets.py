"""The editable cost tables (collective.z3cform.datagridfield) with a name for every cell: the add-on's cells are
inputs without a label (the column title is only in the table head), so a screen reader announces "edit text".
Each cell gets a title "<column>, wiersz <n>" (its accessible name), the same names as the representatives' own
form (``@@formularz-oferty``)."""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from ezabrze.ngo import _
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.schema.interfaces import IField


class LabelledDataGridFieldWidget(DataGridFieldWidget):
    def update(self):
        super().update()
        row_word = translate(_("row"), context=self.request)
        for number, row in enumerate(self.widgets, start=1):
            for cell in getattr(row, "widgets", {}).values():
                label = translate(cell.label, context=self.request) if cell.label else cell.__name__
                cell.title = f"{label}, {row_word} {number}"


@adapter(IField, IFormLayer)
@implementer(IFieldWidget)
def LabelledDataGridFieldWidgetFactory(field, request):
    return FieldWidget(field, LabelledDataGridFieldWidget(request))
