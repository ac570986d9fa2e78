"""REST serialization of an easyform: collective.easyform asks for its "download saved input" permission by
its id (``collective.easyform.DownloadSavedInput``) where plone.api needs its title, so every ``GET`` of a form
as JSON failed with a 500 listing all permission names. Same serializer, asking with the title."""

from collective.easyform.serializer import SerializeToJson
from plone import api
from plone.restapi.serializer.dxcontent import SerializeToJson as DXContentToJson


DOWNLOAD_SAVED_INPUT = "collective.easyform: Download Saved Input"


class EasyFormSerializer(SerializeToJson):
    def __call__(self, version=None, include_items=True):
        result = DXContentToJson.__call__(self, version, include_items)
        if api.user.has_permission(DOWNLOAD_SAVED_INPUT, obj=self.context):
            self.serializeSavedData(result)
        return result
