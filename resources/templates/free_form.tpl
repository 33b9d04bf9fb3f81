::logo
<> **{{seller.shortName}}** | {{seller.address}}
<> {{seller.innKpp}}, {{seller.ogrnLabel}} {{seller.ogrn}} | {{seller.contacts}}
---
<> Исх. № {{doc.number}} от {{doc.dateNumeric}} | Кому: **{{buyer.shortName}}**
{{#buyer.director.name}}
> {{buyer.director.dative}}
{{/buyer.director.name}}

{{#doc.subject}}
# {{doc.subject}}
{{/doc.subject}}
{{^doc.subject}}
# Сопроводительное письмо
{{/doc.subject}}

{{buyer.director.salutation}}
{{#doc.notes}}
{{doc.notes}}
{{/doc.notes}}
{{^doc.notes}}
Направляем Вам комплект документов{{#contract}} (основание: {{basis}}){{/contract}}. Просим подписать и вернуть по одному экземпляру в наш адрес.
{{/doc.notes}}

С уважением,
::signatures
::stamp

{{#manager.name}}
*Исполнитель: {{manager.name}}{{#manager.phone}}, тел. {{manager.phone}}{{/manager.phone}}{{#manager.email}}, {{manager.email}}{{/manager.email}}*
{{/manager.name}}
