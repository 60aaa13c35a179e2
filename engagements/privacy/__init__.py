"""The company's privacy notice, in Italian and English: written by the owner or the consultant
(from a default filled with the company's name), shown on a public page per language and linked
from the enquiry form, the chat widget and the newsletter subscribe form."""
