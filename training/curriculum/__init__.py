"""The default curriculum, in Italian and English, drawn from the two seed articles on the in-house
digital manager of an SME and the temporary marketing manager who trains them.

Loaded into the library by `manage.py load_curriculum`. Module order is teaching order: first what
the trainee needs from the first mornings (the products, writing, the inbox), then the channels,
the website, measurement, and last the paid campaigns ("tutto questo viene dopo").
"""

from training.curriculum.competencies import COMPETENCIES
from training.curriculum.modules import (
    m01_product,
    m02_writing,
    m03_enquiries,
    m04_english,
    m05_social,
    m06_images,
    m07_newsletter,
    m08_wordpress,
    m09_html_css,
    m10_javascript,
    m11_seo,
    m12_analytics,
    m13_social_ads,
    m14_google_ads,
    m15_remarketing,
    m16_merchant,
)

MODULES = [
    m.MODULE
    for m in (
        m01_product,
        m02_writing,
        m03_enquiries,
        m04_english,
        m05_social,
        m06_images,
        m07_newsletter,
        m08_wordpress,
        m09_html_css,
        m10_javascript,
        m11_seo,
        m12_analytics,
        m13_social_ads,
        m14_google_ads,
        m15_remarketing,
        m16_merchant,
    )
]

__all__ = ["COMPETENCIES", "MODULES"]
