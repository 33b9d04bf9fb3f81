# Акт сверки
^ **взаимных расчётов {{reconciliation.period}}**
^ **между {{seller.shortName}} и {{buyer.nameInstrumental}}**
{{#contract}}
^ по договору № {{number}} от {{date}}
{{/contract}}
{{^contract}}
^ по всем договорам
{{/contract}}
<> {{doc.city}} | {{doc.date}}

Мы, нижеподписавшиеся, {{seller.director.position}} {{seller.shortName}} {{seller.director.name}}, с одной стороны, и {{#buyer.isLegal}}{{buyer.director.position}} {{buyer.shortName}} {{buyer.director.name}}{{/buyer.isLegal}}{{^buyer.isLegal}}{{buyer.name}}{{/buyer.isLegal}}, с другой стороны, составили настоящий акт сверки в том, что состояние взаимных расчётов по данным учёта следующее:

::reconciliation
По данным {{seller.shortName}} {{reconciliation.closingText}}.

Просим в течение 5 (пяти) рабочих дней с даты получения подписать акт и вернуть один экземпляр в адрес {{seller.shortName}} либо сообщить о расхождениях. При отсутствии возражений в указанный срок акт считается согласованным.

::signatures
::stamp
