"""Common given names by gender: evidence for which person "he" or "she" can mean.

A small table, not a census: a few hundred frequent names from English-speaking,
European, Slavic, Arabic, Turkish, South Asian, African and Latin American
news. Names commonly given to both (Jean, Andrea, Kim, Sasha, Jan, Nicola…)
are left out, and a name that lands in both lists is dropped, so a lookup
answers only when the name is a strong cue. Keys are lower case.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Gender", "gender_of"]

Gender = Literal["male", "female"]

_MALE = """
aaron abdel abdul abdullah abiy adam ahmad ahmed ahmet alain alan albert alberto alejandro
aleksandar alessandro alexander alexandre alexei alexey alfie ali alistair amit anatoliy anders
andrei andrej andres andrés andrew andrey andrii andriy andrzej angus anthony antoine antonio
antti archie arjun arseniy arthur arvind austin bartosz bashar benjamin benny bernard bjorn björn
bohdan bola boris brandon brian bruce bruno bryan callum carl carlos charles christian
christopher cyril daniel david dennis denys diego dieter dmitri dmitry dmytro dominic donald
douglas dylan ebrahim edouard eduardo edward emmanuel emmerson enrico eric erik ethan eugene
evgeny fernando francesco francisco francois françois frank frans freddie friedrich fumio
gabriel gary gautam gavin geert george gerald gerhard giorgio giovanni giuseppe gordon gregory
grzegorz gustavo hakan hamad hamid hamish hans harold harry hassan heinz helmut hendrik henrik
henry hiroshi hugh hussein iain ian ibrahim igor ihor ismail ivan jacob jacques jair jakub james
jaroslaw jarosław javad javier jeffrey jens jeremy jerome jerzy jiri jiří joao joe john johnny
jonas jonathan jorge jose josé joseph joshua juan jürgen juergen justin jussi kamil karl keir keith
kemal kenji kenneth kevin khalid kirill klaus krzysztof kwame kyle kyrylo lars laurent lawrence
leo lorenzo louis luigi luis luiz lukasz łukasz mahmoud manuel marc marcel marcelo marcin marco
mario mark markus martin massimo mateusz matteo matthew matthias mehmet michael michal michał
miguel mikael mikhail milos miloš mohamed mohammad mohammed muhammad muhammadu mukesh mustafa
mykhailo mykola narendra nathan neil nelson nicholas nicolas nigel nikolai nitin noah oleg
oleksandr oleksiy olaf oliver olivier olusegun omar oscar pablo paolo patrick paul pavel pavlo
pawel paweł pedro peter petr petro petteri philip philippe pierre pieter piotr piyush rafael
rahul raj rajesh ralph ramesh raymond recep richard rishi robert roberto rodrigo roger ronald
rory roy ruslan russell ryan salman samuel sanjay santiago satya scott sean sebastian
sebastien sébastien sergei sergey sergio serhiy shigeru shinzo silvio stefan stefano stephen
steven subrahmanyam sundar suresh sven szymon takeshi taras tayyip thabo thierry thomas
thorsten timothy tomasz tony tyler uhuru ulf uwe valeriy valery vaclav václav viktor vijay
vincent vitali vitaliy vitaly vladimir volodymyr walter wayne wes willem william wojciech
wolfgang wopke yair yevgeniy yevgeny yitzhak yoshihide youssef yoweri yuri yuriy yusuf yves
zachary
"""

_FEMALE = """
abigail agata agnes agnès agnieszka aisha akiko alexandra alice amanda amber amelia amina amy
ana anastasia angela angelina anita anke ann anna annalena anne annette annie ashley aurore ava
ayesha barbara beata beatrice benazir betty birgit brenda bridget brigitte carla carmen carol
caroline catherine charlotte cheryl chiara chloe christiane christina christine claire claudia
cristina cynthia dalia daniela danielle daria darya deborah deepika diana dilma donna doris
dorota dorothy ekaterina elena elisabeth elizabeth élisabeth ellen ellie elly emily emma erna
evelyn ewa fatima federica fernanda frances francesca franziska gabriela gabriele galina giorgia
giulia gloria grace graça gretchen halyna hanan hannah harriet hasina heather heike helen
helle hillary ilhan indira ines ingrid irina iryna isabel isabella isabelle isla ivanna jacinda
jacqueline jane janet janice jennifer jessica jill joanna joyce judith judy julia julie kamala
karen karin karine katarzyna kateryna katharina katherina katherine kathleen kathryn kathy
kelly kemi kimberly kristi kristin ksenia laura lauren leila layla linda lisa liudmyla liz lucia
lucía lucy lyudmila magdalena malgorzata małgorzata mamata margaret margrethe maria marie
marina marine marjorie marta martha mary maryam maryna megan melissa mette mia michelle millie
monika nadine nancy natalia natalie nataliya natalya nathalie ngozi nicole nikki nirmala noor
nour oksana olena olga olivia pamela paola patricia penny petra pilar poppy priti priya
priyanka rachel rachida rania raquel rebecca ricarda roberta ruby ruth sabine sahra samia
samantha sandra sandrine sanna sara sarah saskia segolene ségolène sharon shirley sigrid silvia
smriti sonia sophia sophie stephanie suella susan sushma svenja svetlana sylvie tanya tatiana
tatyana teresa tetiana theresa ulla ursula valentina valerie valérie victoria viktoria viktoriia
virginia winnie xochitl yekaterina yolanda yulia yuliia yuriko yvette zainab zeynep zuzana
"""


def _names(table: str) -> frozenset[str]:
    return frozenset(table.split())


# A name in both lists is no evidence either way.
_BOTH = _names(_MALE) & _names(_FEMALE)
_GENDERS: dict[str, Gender] = {
    **dict.fromkeys(_names(_MALE) - _BOTH, "male"),
    **dict.fromkeys(_names(_FEMALE) - _BOTH, "female"),
}


def gender_of(given_name: str) -> Gender | None:
    """The gender a given name strongly suggests ("Anna" → "female"), else None."""
    return _GENDERS.get(given_name.lower())
