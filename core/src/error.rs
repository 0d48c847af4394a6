//! Why a file could not be read. Each message is one line a caseworker understands.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ReadError {
    #[error("this is a Word 97-2003 document (.doc): open it in Word and save it as .docx")]
    LegacyWordDocument,
    #[error(
        "this document is password-protected: remove the password in Word (File > Info > Protect Document) and try again"
    )]
    Encrypted,
    #[error("this is not a Word document: {0}")]
    NotAWordDocument(String),
    #[error("the file is damaged: {0}")]
    Damaged(String),
    #[error("the document has no main text part")]
    NoMainDocument,
    #[error("the document's {part} is not well-formed XML at byte {position}: {message}")]
    MalformedXml {
        part: String,
        position: u64,
        message: String,
    },
    #[error("the document is too large to check safely: {0}")]
    TooLarge(String),
}
