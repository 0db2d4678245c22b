"""Rules of the procedure as small pure functions.

Each returns a list of :class:`~domain.errors.Breach` (empty when the rule holds) and
cites the article it implements. Article numbers without a law name refer to
《集体合同规定》(MOLSS Order No. 22, 2004); LCL is the Labour Contract Law.
"""
