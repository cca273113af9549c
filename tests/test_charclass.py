"""charclass.repeated_chars: the UTF-16 XOR scan gives the ``(.)\\1`` regex scan's matches."""

import random

from cleantext_zh import charclass


def _regex_doubles(text):
    return [(m.start(), m.group(1)) for m in charclass._ANY_DOUBLE.finditer(text)]


def test_repeated_chars_matches_the_regex_scan():
    rnd = random.Random(7)
    alphabets = ["aab\n一\0\u0100\u0001", "ab\ud800\udc00\ud800", "一一，，\U00020000x",
                 "\x00\uffff\uff00\u00ff", "ab\u0162"]
    texts = ["ab\u0162" * 400, "a\u0100" * 300, "哈" * 301, "一一一" + "中" * 200 + "\0"]
    for _ in range(3000):
        alphabet = rnd.choice(alphabets)
        texts.append("".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 400))))
    for text in texts:
        charclass._LAST_DOUBLES = ("", [])
        assert charclass.repeated_chars(text) == _regex_doubles(text), text


def test_may_have_astral_never_misses_one(monkeypatch):
    import sys
    from cleantext_zh import charclass
    assert charclass.may_have_astral("中" * 99)  # short: always the general path
    assert not charclass.may_have_astral("中" * 200)
    assert charclass.may_have_astral("中" * 199 + "\U0002f800")
    # Without sys.getsizeof (PyPy) every text takes the general path.
    monkeypatch.setattr(sys, "getsizeof", lambda obj: (_ for _ in ()).throw(TypeError("no")))
    assert charclass.may_have_astral("中" * 200)
    assert charclass.repeated_chars("长长" + "中国" * 100) == [(0, "长")]
