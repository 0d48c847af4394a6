//! Understanding tables: header rows, columns, row-labelled tables.
