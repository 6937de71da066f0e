from .sms_api import MotcuaHttpSmsApi
