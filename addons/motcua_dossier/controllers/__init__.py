from . import main
from . import portal
from . import sms
from . import register
