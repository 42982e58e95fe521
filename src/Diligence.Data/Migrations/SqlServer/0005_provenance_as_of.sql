-- The day the vendor declared a prefilled answer current: the library's as-of date when the library was submitted
-- after the answer's last change (an import of a file with asOf does that), else empty.
ALTER TABLE answer_provenance ADD vendor_as_of date NULL;
