from .pdf_signature import SignatureError, fold_ascii, load_pkcs12, load_certificate, sign_pdf, verify_pdf
