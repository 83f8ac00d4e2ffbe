import factory

from articles.models import Article


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"مقال {n}")
    outlet = "هبة بريس"
    text = "ستنظم فدرالية الكيمياء وشبه الكيمياء الدورة الثانية من المنتدى الدولي للكيمياء."
