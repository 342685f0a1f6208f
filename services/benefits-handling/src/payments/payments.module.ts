import { Module } from '@nestjs/common';
import { IncomeSupportModule } from '../income-support/income-support.module';
import { PaymentQueries } from './payment.queries';
import { PAYMENT_DEBTOR, loadPaymentDebtor } from './payments.config';
import { PaymentsCommands } from './payments.commands';
import { DecisionPaymentsResolver, PaymentsResolver } from './payments.resolver';

@Module({
  imports: [IncomeSupportModule],
  providers: [{ provide: PAYMENT_DEBTOR, useFactory: () => loadPaymentDebtor() }, PaymentsCommands, PaymentQueries, PaymentsResolver, DecisionPaymentsResolver],
})
export class PaymentsModule {}
