-- The day the vendor declared a prefilled answer current: the library's as-of date when the library was submitted
-- after the answer's last change (an import of a file with asOf does that), else empty.
ALTER TABLE answer_provenance ADD COLUMN vendor_as_of TEXT NULL;
