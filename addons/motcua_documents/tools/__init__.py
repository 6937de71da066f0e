from .pdf_signature import SignatureError, load_pkcs12, load_certificate, sign_pdf, verify_pdf
