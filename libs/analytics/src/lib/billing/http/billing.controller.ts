import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { BillingInfoService } from '../billing-info.service';
import { BillingInfoResponse } from './billing-info.response';

@ApiTags('Billing')
@Controller('api/billing')
export class BillingController {
  constructor(private readonly billing: BillingInfoService) {}

  @Get('info')
  @Requires('organizations.billing')
  @ApiOperation({
    operationId: 'api_billing_info_retrieve',
    summary: 'Get billing info',
    description: 'Usage of the active organization and the features this server allows.',
  })
  @ApiOkResponse({ type: BillingInfoResponse })
  info(@CurrentAuth() auth: AuthContext): Promise<BillingInfoResponse> {
    return this.billing.info(auth);
  }
}
