"""The paper the procedure produces: what each printed document of a case says (filled
from the case), and its A4 PDF."""
