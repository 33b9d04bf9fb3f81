::logo
<> **{{seller.shortName}}** | {{seller.address}}
<> {{seller.innKpp}} | {{seller.contacts}}
---
> Исх. № {{doc.number}} от {{doc.dateNumeric}}
> Кому: **{{buyer.shortName}}**
{{#buyer.director.name}}
> {{buyer.director.dative}}
{{/buyer.director.name}}

# Коммерческое предложение
{{#deal.title}}
^ *{{deal.title}}*
{{/deal.title}}

{{buyer.director.salutation}}
Благодарим Вас за интерес к продукции и услугам {{seller.shortName}}. По Вашему запросу предлагаем следующие позиции:

::lines
::totals
{{#vat.none}}
Цены указаны без НДС: {{seller.shortName}} не является плательщиком НДС (Без налога (НДС)).
{{/vat.none}}
{{^vat.none}}
{{#vat.onTop}}Цены указаны без НДС, НДС начисляется дополнительно по действующей ставке.{{/vat.onTop}}{{#vat.included}}Цены указаны с учётом НДС.{{/vat.included}}
{{/vat.none}}

### Условия поставки и оплаты
{{#doc.deliveryTermsDays}}
- Срок поставки: {{doc.deliveryTermsDays}} рабочих дней с даты поступления оплаты.
{{/doc.deliveryTermsDays}}
{{#doc.paymentTermsDays}}
- Оплата: предоплата {{doc.prepaymentPercent}}% по счёту в течение {{doc.paymentTermsDays}} банковских дней{{#doc.postpaymentPercent}}, оставшиеся {{doc.postpaymentPercent}}% — после поставки{{/doc.postpaymentPercent}}.
{{/doc.paymentTermsDays}}
{{^servicesOnly}}
- Доставка до склада покупателя или самовывоз со склада поставщика в г. Москве.
- Вся продукция сертифицирована, гарантия производителя сохраняется.
{{/servicesOnly}}
{{#doc.validUntil}}
- Предложение действительно до {{doc.validUntil}}
{{/doc.validUntil}}
{{#doc.notes}}

{{doc.notes}}
{{/doc.notes}}

Будем рады сотрудничеству! Ответим на любые вопросы и подготовим договор и счёт в день обращения.
{{#manager.name}}
Ваш менеджер: **{{manager.name}}**{{#manager.phone}}, тел. {{manager.phone}}{{/manager.phone}}{{#manager.email}}, e-mail: {{manager.email}}{{/manager.email}}
{{/manager.name}}

::signatures
::stamp
