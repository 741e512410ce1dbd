"""ECMA-262 pattern semantics where Python's ``re`` differs."""

import unittest

from compiled_sql_validator.ecma_regex import search, to_python


class EcmaRegexTest(unittest.TestCase):
    def test_dollar_matches_only_at_the_end_of_input(self) -> None:
        self.assertTrue(search(r"^[0-9A-Z]{5}$", "23505"))
        self.assertFalse(search(r"^[0-9A-Z]{5}$", "23505\n"))

    def test_whitespace_is_the_ecma_set(self) -> None:
        self.assertFalse(search(r"\S", " \t\u00a0\u3000\ufeff\u2028"))
        # U+0085 and U+001C are whitespace to Python but not to ECMA-262.
        self.assertTrue(search(r"\S", "\u0085"))
        self.assertTrue(search(r"\S", "\u001c"))
        self.assertTrue(search(r"^[\s]+$", "\ufeff"))

    def test_digit_and_word_escapes_are_ascii(self) -> None:
        self.assertFalse(search(r"^\d+$", "\u0661\u0662"))
        self.assertFalse(search(r"^\w+$", "\u00e9"))
        self.assertTrue(search(r"^[\w-]+$", "a_b-1"))
        self.assertTrue(search(r"^\D$", "\u0661"))

    def test_dot_excludes_every_line_terminator(self) -> None:
        self.assertFalse(search(r"^.$", "\u2028"))
        self.assertTrue(search(r"^.$", "\u0085"))

    def test_escaped_and_class_dollars_stay_literal(self) -> None:
        self.assertTrue(search(r"^\$[$]$", "$$"))

    def test_named_groups_and_code_point_escapes(self) -> None:
        self.assertEqual(to_python(r"(?<year>[0-9]{4})-\k<year>"), r"(?P<year>[0-9]{4})-(?P=year)")
        self.assertTrue(search(r"^\u{1F600}$", "\U0001F600"))
        self.assertTrue(search(r"(?<=a)b", "ab"))


if __name__ == "__main__":
    unittest.main()
