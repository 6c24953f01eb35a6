/**
 * generated — do not edit.
 * The API's OpenAPI document as TypeScript types (openapi-typescript). Regenerate with `npm run gen:api`;
 * CI runs `npm run gen:api -- --check`.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 健康检查 Health */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            /** @enum {string} */
                            database: "pglite" | "postgresql";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录 Log in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["Me"];
                            csrfToken: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出（allSessions：退出所有设备） Log out (allSessions: everywhere) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allSessions?: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 Current user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["Me"];
                            csrfToken: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改密码 Change password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户列表 Users in the admin’s scope */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 创建用户 Create a user (initial password shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        displayName: string;
                        /** @enum {string} */
                        role: "enterprise_staff" | "enterprise_admin" | "authority_reviewer" | "authority_admin" | "ministry_officer" | "ministry_admin" | "expert" | "buyer_admin" | "buyer_staff" | "testing_org_staff" | "testing_org_admin" | "insurer_admin" | "insurer_staff";
                        organizationId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                            initialPassword: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改用户 Update a user */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        disabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置密码 Reset a password (new initial password shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            initialPassword: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API 令牌列表 API tokens */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                prefix: string;
                                createdAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                                scopes: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 创建 API 令牌 Create an API token (shown only once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            token: string;
                            scopes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API 令牌可选的权限范围 Scopes a token may carry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                scope: string;
                                label: {
                                    zh: string;
                                    en: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 吊销 API 令牌 Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 主管部门（工信部及37个省级主管部门） The 38 reviewing authorities */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Authority"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改主管部门名称 Rename an authority */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        nameEn?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Authority"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 企业列表（按调用者权限过滤） Enterprises visible to the caller */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    province?: string;
                    authorityId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Enterprise"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 登记企业 Register an enterprise */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        creditCode: string;
                        confirmCreditCodeOverride?: boolean;
                        regionCode: string;
                        address: string;
                        postalCode?: string | null;
                        website?: string | null;
                        legalRepresentative: string;
                        contactName: string;
                        contactPhone: string;
                        /** Format: email */
                        contactEmail?: string | null;
                        /** @enum {string} */
                        enterpriseType: "state_owned" | "collective" | "private" | "sino_foreign_jv" | "hk_macao_taiwan" | "wholly_foreign";
                        /** @enum {string} */
                        listingStatus: "domestic" | "overseas" | "none";
                        /** Format: uuid */
                        parentId?: string | null;
                        xpcc?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Enterprise"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/stats/by-region": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按省份统计企业数 Enterprise counts by province */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                regionCode: string;
                                regionName: string;
                                count: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/stats/by-city": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 按城市统计企业数（省级主管部门的本省图表） Enterprise counts by city
         * @description GB/T 2260 prefecture (xxxx00; districts in the four municipalities), named from the enterprises' addresses.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                regionCode: string;
                                regionName: string;
                                count: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 企业详情 One enterprise */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Enterprise"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改企业信息 Update an enterprise */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        creditCode?: string;
                        confirmCreditCodeOverride?: boolean;
                        regionCode?: string;
                        address?: string;
                        postalCode?: string | null;
                        website?: string | null;
                        legalRepresentative?: string;
                        contactName?: string;
                        contactPhone?: string;
                        /** Format: email */
                        contactEmail?: string | null;
                        /** @enum {string} */
                        enterpriseType?: "state_owned" | "collective" | "private" | "sino_foreign_jv" | "hk_macao_taiwan" | "wholly_foreign";
                        /** @enum {string} */
                        listingStatus?: "domestic" | "overseas" | "none";
                        /** Format: uuid */
                        parentId?: string | null;
                        xpcc?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Enterprise"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/enterprises/{id}/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 厂区列表 Sites of an enterprise */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Site"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新增厂区 Add a site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        address: string;
                        regionCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Site"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{id}/sites/{siteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改厂区 Update a site */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    siteId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        address?: string;
                        regionCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Site"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/experts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 专家库 The expert pool */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Expert"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新增专家 Add an expert */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        organization: string;
                        /** @default  */
                        title?: string;
                        fields: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
                        phone?: string | null;
                        /** Format: email */
                        email?: string | null;
                        /** Format: uuid */
                        affiliatedEnterpriseId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Expert"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/experts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改专家 Update an expert */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        organization?: string;
                        /** @default  */
                        title?: string;
                        fields?: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
                        phone?: string | null;
                        /** Format: email */
                        email?: string | null;
                        /** Format: uuid */
                        affiliatedEnterpriseId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Expert"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志 Audit trail (newest first) */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    action?: string;
                    objectType?: string;
                    objectId?: string;
                    from?: string;
                    to?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                at: string;
                                actorKind: string;
                                actorUsername: string | null;
                                actorRole: string | null;
                                action: string;
                                objectType: string;
                                objectId: string | null;
                                ip: string | null;
                                requestId: string | null;
                                digest: string;
                                hash: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出审计日志 Audit trail as .xlsx, with the same filters as the list (newest first, at most 10,000 rows) */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    action?: string;
                    objectType?: string;
                    objectId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 校验审计链 Recompute the hash chain */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            entries: number;
                            firstBrokenAt: number | null;
                            eventChains: {
                                ok: boolean;
                                events: number;
                                streams: number;
                                firstBrokenAt: {
                                    enterpriseId: string;
                                    seq: number;
                                } | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 规范公告申请列表（按角色范围） Applications in the caller’s scope */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    state?: string;
                    authority?: string;
                    enterprise?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApplicationSummary"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 为一个厂区新建申请草稿 Start a draft for one site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        siteId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 申请详情 One application */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 保存草稿（可部分填写） Save the draft */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        form: {
                            fields?: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | "other")[];
                            fieldsOther?: string | null;
                            declaration?: {
                                accepted?: boolean;
                                legalRepresentative?: string | null;
                                date?: string | null;
                            };
                            outline?: {
                                s1_basic?: string | null;
                                s1_operations?: string | null;
                                s1_site?: string | null;
                                s1_finance?: string | null;
                                s2_overview?: string | null;
                                s2_equipment?: string | null;
                                s2_quality?: string | null;
                                s2_innovation?: string | null;
                                s3_system?: string | null;
                                s3_cores?: string | null;
                                s3_ledger?: string | null;
                                s3_marking?: string | null;
                                s3_safety?: string | null;
                                s4_pollution?: string | null;
                                s4_envmgmt?: string | null;
                                s4_labour?: string | null;
                                s5_aftersales?: string | null;
                                s5_training?: string | null;
                                s5_certified?: string | null;
                                s6_other?: string | null;
                            };
                            table11?: {
                                website?: string | null;
                                postalCode?: string | null;
                                legalRepresentativeMobile?: string | null;
                                contactName?: string | null;
                                contactMobile?: string | null;
                                fax?: string | null;
                                email?: string | null;
                                employees?: number | null;
                                technicalStaff?: number | null;
                                /** @enum {string|null} */
                                enterpriseType?: "state_owned" | "collective" | "private" | "sino_foreign_jv" | "hk_macao_taiwan" | "wholly_foreign" | null;
                                /** @enum {string|null} */
                                listingStatus?: "domestic" | "overseas" | "none" | null;
                                registeredDate?: string | null;
                                registeredCapital?: number | null;
                                totalAssets?: number | null;
                                debtRatio?: number | null;
                                fixedAssets?: number | null;
                                productionEquipmentCount?: number | null;
                                productTypes?: string | null;
                                selfDescription?: string | null;
                                filler?: string | null;
                                fillerPhone?: string | null;
                            };
                            table12?: {
                                investmentApprovalNo?: string | null;
                                landApprovalNo?: string | null;
                                environmentApprovalNo?: string | null;
                                businessLicenseNo?: string | null;
                                /** @enum {string|null} */
                                landTenure?: "owned" | "leased" | null;
                                leaseYears?: number | null;
                                siteArea?: number | null;
                                buildingArea?: number | null;
                                years?: {
                                    year: number;
                                    revenue?: number | null;
                                    remanOutput?: number | null;
                                    remanSales?: number | null;
                                    remanUnits?: number | null;
                                }[];
                                bom?: {
                                    part: string;
                                    /** @enum {string} */
                                    disposition: "reused" | "remanufactured" | "new" | "consumable";
                                    massKg: number;
                                    newValue: number;
                                    /** @default 1 */
                                    quantity?: number;
                                }[];
                                declaredMassRate?: number | null;
                                declaredValueRate?: number | null;
                                rateBasis?: string | null;
                                auditedYears?: number[];
                                yearsInOperation?: number | null;
                                equipment?: {
                                    disassembly?: {
                                        model: string;
                                        count: number;
                                        purpose?: string | null;
                                    }[];
                                    cleaning?: {
                                        model: string;
                                        count: number;
                                        purpose?: string | null;
                                    }[];
                                    ndt?: {
                                        model: string;
                                        count: number;
                                        purpose?: string | null;
                                    }[];
                                    inspection?: {
                                        model: string;
                                        count: number;
                                        purpose?: string | null;
                                    }[];
                                    machining?: {
                                        model: string;
                                        count: number;
                                        purpose?: string | null;
                                    }[];
                                    assembly?: {
                                        model: string;
                                        count: number;
                                        purpose?: string | null;
                                    }[];
                                    performanceTest?: {
                                        model: string;
                                        count: number;
                                        purpose?: string | null;
                                    }[];
                                    packaging?: {
                                        model: string;
                                        count: number;
                                        purpose?: string | null;
                                    }[];
                                    other?: {
                                        model: string;
                                        count: number;
                                        purpose?: string | null;
                                    }[];
                                };
                                collegeEducated?: number | null;
                                rdStaff?: number | null;
                                rdSpending?: number | null;
                                rdSpendingYear?: number | null;
                                lastYearRevenue?: number | null;
                                rdInstitutions?: {
                                    lab?: boolean;
                                    engineeringCenter?: boolean;
                                    innovationCenter?: boolean;
                                    other?: boolean;
                                    otherText?: string | null;
                                };
                                patents?: {
                                    number: string;
                                    title: string;
                                    /** @default true */
                                    remanRelated?: boolean;
                                }[];
                                noInfringementDeclared?: boolean;
                                standards?: {
                                    code: string;
                                    title: string;
                                }[];
                                qualityCert?: {
                                    number?: string | null;
                                    issuer?: string | null;
                                    validUntil?: string | null;
                                };
                                ohsCert?: {
                                    number?: string | null;
                                    issuer?: string | null;
                                    validUntil?: string | null;
                                };
                                environmentCert?: {
                                    number?: string | null;
                                    issuer?: string | null;
                                    validUntil?: string | null;
                                };
                                /** @enum {string|null} */
                                wastewaterCompliant?: "yes" | "no" | null;
                                /** @enum {string|null} */
                                airCompliant?: "yes" | "no" | null;
                                /** @enum {string|null} */
                                noiseCompliant?: "yes" | "no" | null;
                                certifiedPosts?: string | null;
                                certifiedPostHolders?: number | null;
                                certifiedPostStaff?: number | null;
                                warranties?: {
                                    model?: string | null;
                                    newProductWarrantyMonths?: number | null;
                                    remanWarrantyMonths?: number | null;
                                    note?: string | null;
                                }[];
                            };
                            declarations?: {
                                policyCompliant?: boolean;
                                notInProtectedArea?: boolean;
                                noMajorAccidents3y?: boolean;
                                noSeriousDishonesty?: boolean;
                                remanProductsMarked?: boolean;
                                noSecondaryPollution?: boolean;
                            };
                            contractProcessing?: {
                                used?: boolean | null;
                                processors?: {
                                    name?: string | null;
                                    creditCode?: string | null;
                                    address?: string | null;
                                    scope?: string | null;
                                }[];
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 条件自动核对与缺项 Conditions check and missing items */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            check: {
                                results: {
                                    ruleId: string;
                                    clause: string;
                                    /** @enum {string} */
                                    outcome: "pass" | "fail" | "review";
                                    evidence: {
                                        [key: string]: unknown;
                                    };
                                    messageZh: string;
                                    messageEn: string;
                                }[];
                                flags?: {
                                    id: string;
                                    ref: string;
                                    messageZh: string;
                                    messageEn: string;
                                    evidence: {
                                        [key: string]: unknown;
                                    };
                                }[];
                                summary: {
                                    pass: number;
                                    fail: number;
                                    review: number;
                                };
                                rulesVersion: string;
                                asOf: string;
                            };
                            missing: {
                                path: string;
                                zh: string;
                                en: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传附件（multipart：slot, file, 可选 replacesId；PDF/JPEG/PNG/OFD） Upload an attachment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            slot: string;
                            filename: string;
                            sha256: string;
                            mime: string;
                            size: number;
                            revision: number;
                            replacesId: string | null;
                            formVersion: number;
                            uploadedAt: string;
                            supersededAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除草稿中的附件 Remove an attachment from a draft */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    attachmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/attachments/{attachmentId}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载附件 Download an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    attachmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载申请书（.docx） Download the 申请书 as Word */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/table13.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载表1-3 省级审核意见表（.docx，打印盖章） Download Table 1-3, the provincial opinion, to print and stamp */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交申请（同一企业多个厂区一并提交） Submit one or more applications together
         * @description 规范条件 七(一)3: drafts of other sites of the enterprise must be submitted together or listed in notApplyingNow (confirmed as not applied for now); otherwise 409 OTHER_SITES_IN_DRAFT with details.drafts.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        applicationIds: string[];
                        notApplyingNow?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApplicationSummary"][];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回申请（决定前） Withdraw before a decision */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回补正 Return for supplement */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/provincial-reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 省级审核不通过 Reject (provincial) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 出具审核意见（表1-3）并报送工信部 Forward with the opinion */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        opinion: string;
                        handler: string;
                        head: string;
                        date: string;
                        filler?: string;
                        phone?: string;
                        email?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/experts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 指派专家（至少3名） Assign experts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        expertIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/opinion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 专家意见 Record an expert opinion */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        chapters: {
                            "\u4E8C": string;
                            "\u4E09": string;
                            "\u56DB": string;
                            "\u4E94": string;
                            "\u516D": string;
                        };
                        /** @enum {string} */
                        recommendation: "approve" | "revise" | "reject";
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/complete-expert-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 完成专家复审 Complete expert review */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/onsite-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 现场核查 Record the on-site check */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        team: string[];
                        date: string;
                        findings: {
                            "\u4E8C": string;
                            "\u4E09": string;
                            "\u56DB": string;
                            "\u4E94": string;
                            "\u516D": string;
                        };
                        /** @default [] */
                        photoIds?: string[];
                        /** @enum {string} */
                        conclusion: "pass" | "fail";
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核不通过 Reject */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公示批次（分页；每批附首页名单） Public-notice batches, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    entriesPageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                startDate: string;
                                endDate: string;
                                workingDays: number | null;
                                status: string;
                                entries: {
                                    id: string;
                                    seq: number;
                                    status: string;
                                    applicationId: string;
                                    enterpriseName: string;
                                    creditCode: string;
                                    regionCode: string;
                                    regionName: string;
                                    siteName: string;
                                    fields: string[];
                                }[];
                                entryCount: number;
                                pendingObjections: number;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 组织公示（默认 5 个工作日） Compose a public-notice batch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        applicationIds: string[];
                        startDate?: string;
                        workingDays?: number;
                        endDate?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notice"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/{id}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公示名单（分页） The entries of one notice, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                seq: number;
                                status: string;
                                applicationId: string;
                                enterpriseName: string;
                                creditCode: string;
                                regionCode: string;
                                regionName: string;
                                siteName: string;
                                fields: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公示详情与异议 A notice with its objections */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            startDate: string;
                            endDate: string;
                            workingDays: number | null;
                            status: string;
                            entries: {
                                id: string;
                                seq: number;
                                status: string;
                                applicationId: string;
                                enterpriseName: string;
                                creditCode: string;
                                regionCode: string;
                                regionName: string;
                                siteName: string;
                                fields: string[];
                            }[];
                            objections: {
                                id: string;
                                entryId: string;
                                name: string;
                                contact: string;
                                reason: string;
                                evidenceCount: number;
                                filedAt: string;
                                status: string;
                                resolution: string | null;
                                trackingCode: string;
                            }[];
                            /** @description why 期满办结 cannot be done yet (window open, objections pending); null: it can, or the notice is closed */
                            closeBlocked: {
                                code: string;
                                message: string;
                                messageEn: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 公示期满办结 Close after the window */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notice"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/objections/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 处理异议（成立/不成立） Resolve an objection */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "upheld" | "dismissed";
                        resolution: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            entryId: string;
                            name: string;
                            contact: string;
                            reason: string;
                            evidenceCount: number;
                            filedAt: string;
                            status: string;
                            resolution: string | null;
                            trackingCode: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/objections/{id}/evidence/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载异议证据 Download an objection’s evidence file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作日调整表（分页，最近日期在前） Working-day overrides, latest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                date: string;
                                workday: boolean;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/overrides/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置工作日/休息日 Set a working-day override */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    date: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        workday: boolean;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 正在公示的名单（分页；每批附首页名单） Notices whose window is open, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    entriesPageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                startDate: string;
                                endDate: string;
                                workingDays: number | null;
                                status: string;
                                entries: {
                                    id: string;
                                    seq: number;
                                    status: string;
                                    applicationId: string;
                                    enterpriseName: string;
                                    creditCode: string;
                                    regionCode: string;
                                    regionName: string;
                                    siteName: string;
                                    fields: string[];
                                }[];
                                entryCount: number;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/notices/{id}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 正在公示的名单（分页） The listed entries of an open notice, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                seq: number;
                                status: string;
                                applicationId: string;
                                enterpriseName: string;
                                creditCode: string;
                                regionCode: string;
                                regionName: string;
                                siteName: string;
                                fields: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/notices/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提出异议（JSON，或 multipart 附证据文件） File an objection during the window */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            filedAt: string;
                            /** @description 查询码：凭此查询异议处理结果 the code to follow the objection by */
                            trackingCode: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/objections/{trackingCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 凭查询码查询异议处理结果 Track an objection by its code */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    trackingCode: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObjectionTrack"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布公告批次（第N批） Publish an announcement batch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        applicationIds: string[];
                        announcedOn?: string;
                        docNumber?: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnouncementBatch"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已发布的公告批次（新→旧，分页；每批附首页名单） Published announcement batches, newest first, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    entriesPageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                batchNo: number;
                                docNumber: string;
                                announcedOn: string;
                                title: string;
                                entryCount: number;
                                entries: {
                                    seq: number;
                                    regionCode: string;
                                    regionName: string;
                                    enterpriseName: string;
                                    creditCode: string;
                                    siteName: string;
                                    fields: string[];
                                    status: string;
                                    revokedOn: string | null;
                                    history: {
                                        on: string;
                                        fact: string;
                                        old: string;
                                        new: string;
                                    }[];
                                }[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/announcements/{id}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公告批次的名单（分页） The entries of one batch, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                seq: number;
                                regionCode: string;
                                regionName: string;
                                enterpriseName: string;
                                creditCode: string;
                                siteName: string;
                                fields: string[];
                                status: string;
                                revokedOn: string | null;
                                history: {
                                    on: string;
                                    fact: string;
                                    old: string;
                                    new: string;
                                }[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/announced-enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公告企业名单（可按名称、地区、领域检索） The announced list */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    region?: string;
                    field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                enterpriseName: string;
                                creditCode: string;
                                regionCode: string;
                                regionName: string;
                                siteName: string;
                                fields: string[];
                                batch: {
                                    batchNo: number;
                                    docNumber: string;
                                    announcedOn: string;
                                };
                                history: {
                                    on: string;
                                    fact: string;
                                    old: string;
                                    new: string;
                                }[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/announced-enterprises.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载公告名单（xlsx，按当前检索条件） Download the announced list as xlsx, with the same filters as the list */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    region?: string;
                    field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/announcements/{id}/docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载公告（docx） Download one announcement as Word */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/announcements/{id}/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载公告名单（xlsx） Download one announcement as xlsx */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 通知（分页，最新在前） Notifications, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: string;
                                title: string;
                                titleEn: string;
                                link: string | null;
                                createdAt: string;
                                readAt: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                            unread: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 全部标为已读 Mark all read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marked: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标为已读 Mark read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/todos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待办事项（分页；counts 为全部待办按状态计数） To-do list, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                kind: "application" | "notice" | "annual_report" | "supervision";
                                id: string;
                                title: string;
                                titleEn: string;
                                state: string;
                                link: string;
                                since: string;
                            }[];
                            counts: {
                                [key: string]: number;
                            };
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 平台运行模式 Deployment mode (demo data, production) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            demo: boolean;
                            production: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 平台日期 The platform date */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            today: string;
                            offsetDays: number;
                            shiftable: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 演示：平台日期前进 N 天 Demo: move the platform date forward */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        days: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            today: string;
                            offsetDays: number;
                            shiftable: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 应报年度报告（按公告厂区，按角色范围） Reports owed per announced site, in the caller’s scope */
        get: {
            parameters: {
                query?: {
                    year?: number;
                    state?: "draft" | "submitted" | "returned" | "accepted" | "forwarded" | "not_started";
                    overdue?: "true" | "false";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AnnualReportOwed"][];
                            total: number;
                            page: number;
                            pageSize: number;
                            year: number;
                            opensOn: string;
                            dueOn: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 开始填报一个公告厂区的年度报告 Start the report of one announced site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        year: number;
                        /** Format: uuid */
                        siteId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnualReport"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 逾期未报送的年度报告（七(二)4(2)） Overdue reports in the caller’s jurisdiction */
        get: {
            parameters: {
                query?: {
                    year?: number;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AnnualReportOwed"][];
                            total: number;
                            page: number;
                            pageSize: number;
                            year: number;
                            dueOn: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/summary.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载本辖区年度报告汇总（.xlsx） Download the 汇总 of the jurisdiction */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 将审核通过的年度报告连同汇总报送工信部 Forward the accepted reports with the 汇总 to MIIT */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        year: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            year: number;
                            reportCount: number;
                            forwardedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年度报告详情 One report */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnualReport"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/{id}/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 保存草稿（可部分填写；已填的总件数须等于各行之和） Save the draft */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        form: components["schemas"]["AnnualReportFormInput"];
                        /**
                         * Format: date-time
                         * @description 编辑所依据版本的 updatedAt：其后已被他人保存则 409 REPORT_CHANGED The updatedAt the edit started from: 409 REPORT_CHANGED when the report was written since
                         */
                        baseUpdatedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnualReport"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交年度报告（逾期提交标记为逾期） Submit (late ones are flagged) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnualReport"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回修改 Return for correction */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnualReport"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核通过并出具审核意见 Accept with the audit opinion */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        opinion: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnualReport"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/{id}/ministry-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 工信部核查，必要时安排现场审查（附2 三） MIIT review, with an on-site inspection when needed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        opinion: string;
                        onsiteInspection?: {
                            date: string;
                            note: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnualReport"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/{id}/docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载年度报告（.docx，供打印签章，附2） Download the report as a printable, signable .docx */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/{id}/table23.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载表2-3模板（某公告厂区，含已填数据） Download one site's 表2-3 as an .xlsx template */
        get: {
            parameters: {
                query?: {
                    siteId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/{id}/table23": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传表2-3（.xlsx，multipart: file）：整表校验，有错则全部拒绝 Upload 表2-3; all or nothing */
        post: {
            parameters: {
                query?: {
                    siteId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnualReportImportJob"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnualReportImportJob"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-reports/{id}/imports/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 表2-3导入进度 Import progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnualReportImportJob"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 行业统计（工信部全国；主管部门本辖区） Industry statistics */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IndustryStatistics"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statistics.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载行业统计（.xlsx） Download the statistics */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 全国再制造行业统计（仅全国合计） National industry totals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicIndustryStatistics"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/epcis/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 采集 EPCIS 文档 Capture an EPCISDocument (GS1-Capture-Error-Behaviour: rollback | proceed)
         * @description Body: an EPCIS 2.0 EPCISDocument (JSON or JSON-LD), validated against the GS1 JSON Schema. 202 + Location: /epcis/capture/{captureID}.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        /** EPCIS capture limits (GS1-EPCIS-Capture-Limit, GS1-EPCIS-Capture-File-Size-Limit) */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/epcis/capture/{captureID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 采集任务状态 Capture job (running, success, errors) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    captureID: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/epcis/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 查询事件 SimpleEventQuery (EPCISQueryDocument)
         * @description Parameters: eventType, GE_/LT_eventTime, GE_/LT_recordTime, EQ_action, EQ_bizStep, EQ_disposition, EQ_readPoint, EQ_bizLocation, EQ_transformationID, MATCH_epc, MATCH_parentID, MATCH_inputEPC, MATCH_outputEPC, MATCH_anyEPC, MATCH_epcClass, MATCH_inputEPCClass, MATCH_outputEPCClass, MATCH_anyEPCClass, EQ_eventID, EXISTS_errorDeclaration, EQ_bizTransaction_<type>, EQ_source_<type>, EQ_destination_<type>, orderBy, orderDirection, perPage, nextPageToken. Values separated by | are ORed; parameters are ANDed; unknown parameters are a 400 QueryParameterException.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /**
         * 采集单个事件 Capture one EPCIS event
         * @description Body: one EPCIS 2.0 event with its @context. 201 + Location: /epcis/events/{eventID}.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/epcis/events/{eventID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按 eventID 读取事件 One event by eventID (URL-encoded) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventID: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/intake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：旧件回收入库 Record a lifecycle step: Core intake
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        coreEpc?: string;
                        name: string;
                        model?: string;
                        source: {
                            returnedBy: string;
                            /** @enum {string} */
                            channel: "dealer" | "service_center" | "recycler" | "end_user" | "own_fleet" | "other";
                            tradeIn: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/inspection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：入厂检测与分级 Record a lifecycle step: Incoming inspection and grading
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        coreEpc: string;
                        /** @enum {string} */
                        grade: "A" | "B" | "C" | "D";
                        /** @enum {string} */
                        result: "accepted" | "rejected";
                        /** @default [] */
                        measurements?: {
                            name: string;
                            value: number;
                            unit?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/disassembly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：拆解 Record a lifecycle step: Disassembly
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        coreEpc: string;
                        parts: {
                            epc?: string;
                            name: string;
                            partNo?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/cleaning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：清洗 Record a lifecycle step: Cleaning
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        epcs: string[];
                        method?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：零件评估 Record a lifecycle step: Part assessment
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        items: {
                            epc: string;
                            /** @enum {string} */
                            decision: "reuse" | "remanufacture" | "replace" | "scrap";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：再制造加工 Record a lifecycle step: Remanufacturing process
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        epcs: string[];
                        /** @enum {string} */
                        process: "laser_cladding" | "thermal_spraying" | "machining" | "upgrade" | "other";
                        parameters?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/reassembly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：再制造装配 Record a lifecycle step: Reassembly
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        name: string;
                        model?: string;
                        gtin?: string;
                        serial?: string;
                        standardNo?: string;
                        warrantyMonths?: number;
                        productionDate?: string;
                        inputs: {
                            epc?: string;
                            epcClass?: string;
                            quantity?: number;
                            /** @enum {string} */
                            origin: "reused" | "remanufactured" | "new";
                            name: string;
                            massKg: number;
                            valueCny: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：出厂性能检测 Record a lifecycle step: Final performance test
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        code: string;
                        /** @enum {string} */
                        result: "pass" | "fail";
                        /** @default [] */
                        measurements?: {
                            name: string;
                            value: number;
                            unit?: string;
                        }[];
                        standardNo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/marking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：再制造标识 Record a lifecycle step: Marking
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/shipping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：出厂发货 Record a lifecycle step: Shipping
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        codes: string[];
                        destinationName?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/sale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：销售 Record a lifecycle step: Sale
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        code: string;
                        customerName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/lease": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：租赁 Record a lifecycle step: Lease
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        code: string;
                        lesseeName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/installation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：安装使用 Record a lifecycle step: Installation
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        code: string;
                        location: string;
                        equipment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/steps/removal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录生产过程：寿命末期拆除 Record a lifecycle step: Removal at end of life
         * @description Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        eventTime?: string;
                        note?: string;
                        site?: string;
                        code: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceStepResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 再制造产品列表 Remanufactured products */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    status?: "issued" | "revoked" | "recalled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TraceProductSummary"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/products/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品详情：生命周期、原始零件、过程 Product detail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceProductDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/products/{code}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 召回或作废产品编码 Recall a product or revoke its code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "recalled" | "revoked";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceProductSummary"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/recall/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 召回起点查找：批次号、序列号、零件名称或产品编码 Find what a recall starts from
         * @description By what people know (issue 16 item 10): a lot number such as PR2026A, a core or part serial, a part name, a product code. Pass the chosen key to /trace/recall as `lot` or `core` (field `by`).
         */
        get: {
            parameters: {
                query: {
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceRecallTargets"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 召回范围：某批次或旧件影响的再制造产品（可导出 .xlsx） Recall scope */
        get: {
            parameters: {
                query?: {
                    lot?: string;
                    core?: string;
                    format?: "json" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceRecall"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 再制造率（按企业、年度，GB/T 28620） Remanufacturing rates per enterprise and year */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            year: number;
                            items: {
                                enterpriseId: string;
                                enterpriseName: string;
                                products: number;
                                ratedProducts: number;
                                massRate: number | null;
                                valueRate: number | null;
                                totalMassKg: number;
                                coreMassKg: number;
                                totalValueCny: number;
                                coreValueCny: number;
                                formulaVersion: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 生产管理台账（四(三)） Production ledger */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    enterpriseId?: string;
                    format?: "json" | "xlsx";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enterpriseId: string;
                            enterpriseName: string;
                            from: string;
                            to: string;
                            page: number;
                            pageSize: number;
                            coresReceived: {
                                items: {
                                    date: string;
                                    epc: string;
                                    name: string | null;
                                    returnedBy: string | null;
                                    channel: string | null;
                                    tradeIn: boolean | null;
                                    eventId: string;
                                }[];
                                total: number;
                            };
                            productsMade: {
                                items: {
                                    date: string;
                                    code: string;
                                    epc: string;
                                    name: string;
                                    model: string | null;
                                    life: number;
                                    massRate: number | null;
                                    valueRate: number | null;
                                    status: string;
                                }[];
                                total: number;
                            };
                            tests: {
                                items: {
                                    date: string;
                                    code: string | null;
                                    epc: string;
                                    result: string | null;
                                    eventId: string;
                                }[];
                                total: number;
                            };
                            shipments: {
                                items: {
                                    date: string;
                                    code: string | null;
                                    epc: string;
                                    destination: string | null;
                                    eventId: string;
                                }[];
                                total: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/vocabulary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 再制造扩展词汇与 CBV 映射 The reman vocabulary and its CBV mapping */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            namespace: string;
                            bizSteps: {
                                value: string;
                                uri: string;
                                standard: boolean;
                                label: {
                                    zh: string;
                                    en: string;
                                };
                            }[];
                            dispositions: {
                                value: string;
                                uri: string;
                                standard: boolean;
                                label: {
                                    zh: string;
                                    en: string;
                                };
                            }[];
                            grades: {
                                value: string;
                                uri: string;
                                standard: boolean;
                                label: {
                                    zh: string;
                                    en: string;
                                };
                            }[];
                            channels: {
                                value: string;
                                label: {
                                    zh: string;
                                    en: string;
                                };
                            }[];
                            steps: {
                                /** @enum {string} */
                                kind: "intake" | "inspection" | "disassembly" | "cleaning" | "assessment" | "process" | "reassembly" | "test" | "marking" | "shipping" | "sale" | "lease" | "installation" | "repair" | "removal" | "recall" | "revocation";
                                label: {
                                    zh: string;
                                    en: string;
                                };
                                eventType: string;
                                action: string | null;
                                bizStep: string;
                                disposition: string | null;
                                note: {
                                    zh: string;
                                    en: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/import/templates/{step}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 批量导入模板（.xlsx/.csv） Import template */
        get: {
            parameters: {
                query?: {
                    format?: "xlsx" | "csv";
                };
                header?: never;
                path: {
                    step: "intake" | "inspection" | "cleaning" | "assessment" | "process" | "test" | "marking" | "shipping" | "sale" | "lease" | "installation" | "removal" | "disassembly" | "reassembly";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/import/{step}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批量导入（multipart 字段 file；逐行校验，全部或全不） Bulk import */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    step: "intake" | "inspection" | "cleaning" | "assessment" | "process" | "test" | "marking" | "shipping" | "sale" | "lease" | "installation" | "removal" | "disassembly" | "reassembly";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: {
                                id: string;
                                step: string;
                                fileName: string;
                                /** @enum {string} */
                                status: "running" | "succeeded" | "failed";
                                processed: number;
                                total: number;
                                errors: {
                                    sheet: string;
                                    row: number;
                                    column: string;
                                    message: string;
                                    messageEn: string;
                                }[];
                                createdAt: string;
                                finishedAt: string | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/import/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入进度 Import job progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: {
                                id: string;
                                step: string;
                                fileName: string;
                                /** @enum {string} */
                                status: "running" | "succeeded" | "failed";
                                processed: number;
                                total: number;
                                errors: {
                                    sheet: string;
                                    row: number;
                                    column: string;
                                    message: string;
                                    messageEn: string;
                                }[];
                                createdAt: string;
                                finishedAt: string | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/projection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 追溯投影进度 How far the trace projection follows each EPCIS event stream
         * @description Large /epcis captures are acknowledged once stored and projected into products and genealogy right after; lag = events stored but not yet projected.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                enterpriseId: string;
                                /** @description last event (stream seq) projected into the trace tables */
                                projectedSeq: number;
                                /** @description last event stored in the stream */
                                headSeq: number;
                                /** @description events stored but not yet projected */
                                lag: number;
                                updatedAt: string;
                                /** @description the last projection failure (retried with backoff by a queue job), null when healthy */
                                lastError: string | null;
                                failedAt: string | null;
                                /** @description failures in a row */
                                failures: number;
                                /** @description TRACE_PROJECTION_MAX_FAILURES failures in a row: not retried until `reman trace:repair`; forms keep working */
                                quarantined: boolean;
                                quarantinedAt: string | null;
                                quarantineReason: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 追溯树（上游/下游，跨再制造生命周期） Genealogy tree */
        get: {
            parameters: {
                query?: {
                    direction?: "up" | "down";
                    /** @description scrapped or destroyed objects too */
                    includeScrapped?: "true" | "false";
                    depth?: number;
                    at?: string;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceTree"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/products/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 再制造产品扫码验证 Verify a remanufactured product */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicProduct"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/products/{code}/label.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品标识 PNG（二维码 + 再制造标志） Product label as PNG */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/products/{code}/label.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品标识 SVG Product label as SVG */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/labels.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标识打印页（A4，每页 8 个） Printable A4 sheet of labels */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        codes: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 撤销公告案件（按角色范围，分页） Revocation cases in the caller’s scope, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    state?: ("opened" | "notice_sent" | "notified" | "statement_received" | "revoked" | "not_revoked")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RevocationCase"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 报请撤销（省级）或立案（工信部），七(二)4 Request / open a revocation case
         * @description JSON, or multipart/form-data with the same fields plus up to 5 files (PDF/JPEG/PNG/OFD).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevocationCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 撤销案件详情 One revocation case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevocationCase"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 补充证据 Add evidence files (multipart) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevocationCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations/{id}/notify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发出撤销告知（经省级主管部门转告企业），给出陈述申辩期 Send the notice via the provincial authority (statement period, default 10 working days from receipt) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        noticeText: string;
                        statementDue?: string;
                        statementWorkingDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevocationCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations/{id}/relay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 省级主管部门转告企业（七(二)4），陈述申辩期自转告之日起算 Relay the notice to the enterprise */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        relayedOn?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevocationCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 企业提交陈述和申辩 Submit the statement and defence
         * @description JSON, or multipart/form-data with the same fields plus up to 5 files (PDF/JPEG/PNG/OFD).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevocationCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 作出决定（撤销/不予撤销）；须先告知并听取陈述申辩，否则 409 Decide */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "revoked" | "not_revoked";
                        hearingSummary: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevocationCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations/{id}/rectification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 被撤销后提交整改材料 File the rectification
         * @description JSON, or multipart/form-data with the same fields plus up to 5 files (PDF/JPEG/PNG/OFD).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevocationCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations/{id}/rectification/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 省级主管部门验收整改（合格日起 2 年后方可重新申请） Review the rectification */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accept: boolean;
                        opinion: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevocationCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations/{id}/files/{sha}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载案件文件 Download a file of the case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    sha: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 变更申请（按角色范围，分页；overdue=true 仅逾期） Change requests in scope, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    state?: ("submitted" | "check_passed" | "check_failed" | "confirmed" | "not_confirmed")[];
                    overdue?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ChangeRequest"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 提出变更申请（七(二)3） File a change request
         * @description JSON, or multipart/form-data with the same fields (items as a JSON string) plus up to 5 files.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChangeRequest"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 变更申请详情 One change request */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChangeRequest"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 省级验收核实 Acceptance check (pass / fail) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        passed: boolean;
                        opinion: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChangeRequest"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}/resubmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 整改后重新提交 Resubmit after a failed check */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChangeRequest"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 工信部核实（通过后公告名单显示新信息） MIIT confirmation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        confirmed: boolean;
                        opinion: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChangeRequest"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}/experts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 组织专家验收核实（七(二)3） Involve experts in the acceptance check */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        expertIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChangeRequest"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}/opinion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 专家验收意见（按规范条件章节） Record an expert opinion on a change */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        chapters: {
                            "\u4E8C"?: string;
                            "\u4E09"?: string;
                            "\u56DB"?: string;
                            "\u4E94"?: string;
                            "\u516D"?: string;
                        };
                        /** @enum {string} */
                        conclusion: "meets" | "does_not_meet";
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChangeRequest"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公告企业变更公告（工信部核实后公告，七(二)3） Published change notices */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PublicChangeNotice"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/flag-overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记逾期变更并通知（幂等；每日任务亦调用） Flag overdue change requests */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            flagged: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}/files/{sha}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载变更证明材料 Download an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    sha: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 核查提示：可能的撤销理由 七(二)4(1)（按辖区，分页） Findings: possible grounds, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    state?: "open" | "dismissed";
                    enterpriseId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SupervisionFinding"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予报请撤销（须说明理由，留痕） Dismiss a finding with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SupervisionFinding"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 立即核查公告企业的可由数据判断的条件（幂等；每日任务亦调用） Re-evaluate the announced enterprises now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            evaluated: number;
                            raised: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 投诉举报（七(二)2；可匿名；JSON 或 multipart 附至多 5 个证据文件） File a complaint
         * @description {"subject","enterpriseName","facts","contact"?}; without contact the complaint is anonymous. Multipart: the same fields plus up to 5 files (PDF/JPEG/PNG/OFD, checked by content). Rate-limited per address.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject: string;
                        enterpriseName: string;
                        facts: string;
                        contact?: string | null;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            trackingCode: string;
                            anonymous: boolean;
                            message: string;
                            messageEn: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/complaints/{trackingCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 凭查询码查询投诉办理进度 Track a complaint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    trackingCode: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplaintPublic"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 投诉举报（工信部全部；省级为辖区企业；分页） Complaints to handle, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    state?: ("received" | "accepted" | "investigating" | "substantiated" | "unsubstantiated" | "dismissed")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Complaint"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 投诉举报详情 One complaint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/handle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 受理 / 不予受理 / 调查 / 办结（属实、不属实，须说明理由） Handle a complaint */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "accept" | "dismiss" | "investigate" | "substantiate" | "unsubstantiate";
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 指定被投诉企业 Link the complaint to an enterprise */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        enterpriseId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 依据属实的投诉立案撤销 Open a revocation case from a substantiated complaint */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        grounds: ("conditions_not_maintained" | "annual_report_missing" | "falsification" | "supervision_refused_or_failed" | "major_accident_or_violation")[];
                        facts: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevocationCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/evidence/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载投诉证据 Download an evidence file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 后台任务 Background jobs (newest first; state=failed: dead jobs) */
        get: {
            parameters: {
                query?: {
                    state?: "queued" | "running" | "succeeded" | "failed" | "discarded";
                    task?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Job"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 采购方机构注册 Register a buyer organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orgName: string;
                        creditCode: string;
                        contactName: string;
                        phone: string;
                        username: string;
                        password: string;
                        /**
                         * @default buyer
                         * @enum {string}
                         */
                        kind?: "buyer" | "insurer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BuyerRegistration"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buyer-orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已注册的采购单位/保险机构（工信部管理员选择新用户所属组织） Registered buyers or insurers */
        get: {
            parameters: {
                query: {
                    page?: number;
                    pageSize?: number;
                    kind: "buyer" | "insurer";
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["BuyerOrg"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 再制造产品交易市场：检索 Public market of verified units */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                    region?: string;
                    minPrice?: number;
                    maxPrice?: number;
                    announcedOnly?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ListingSummary"][];
                            total: number;
                            page: number;
                            pageSize: number;
                            capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/listings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品详情与产品核验记录 A listing with the unit’s verified record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ListingDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本企业的商品 The seller’s listings */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "active" | "sold" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ListingSummary"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 发布商品（本企业的正品再制造产品） List verified units for sale */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        productCode?: string;
                        productCodes?: string[];
                        title: string;
                        priceCny: number;
                        warrantyMonths?: number;
                        description?: string;
                        newReferencePriceCny?: number;
                        /** @enum {string} */
                        field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ListingDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/listings/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 下架商品 Withdraw a listing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ListingDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 目录申请（本企业 / 本省 / 全部已提交） Catalogue applications in the caller’s scope */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    state?: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                enterprise: {
                                    id: string;
                                    name: string;
                                };
                                authorityId: string;
                                /** @enum {string} */
                                state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                                stateLabel: string;
                                productName: string;
                                model: string;
                                field: string;
                                specifications: string;
                                standardCode: string;
                                testReports: {
                                    testingOrgId: string;
                                    orgName: string;
                                    accreditationNo: string;
                                    reportNo: string;
                                    issuedOn: string;
                                    file: {
                                        name: string;
                                        mime: string;
                                        size: number;
                                        url: string;
                                    } | null;
                                }[];
                                sampleProductCode: string | null;
                                massRate: number | null;
                                valueRate: number | null;
                                rateFormula: string | null;
                                provincialOpinion: string | null;
                                reason: string | null;
                                notice: {
                                    startOn: string;
                                    endOn: string;
                                } | null;
                                listedNo: string | null;
                                submittedAt: string | null;
                                updatedAt: string;
                                actions: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 申请列入再制造产品目录（草稿） Apply to list a product model (draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        productName: string;
                        model: string;
                        /** @enum {string} */
                        field: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                        /** @default  */
                        specifications?: string;
                        standardCode: string;
                        /** @default [] */
                        testReports?: {
                            /** Format: uuid */
                            testingOrgId: string;
                            reportNo: string;
                            issuedOn: string;
                            /** Format: uuid */
                            productReportId?: string;
                        }[];
                        sampleProductCode?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 目录申请详情 One catalogue application */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改目录申请（草稿或退回补正时） Edit (draft or returned) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        productName?: string;
                        model?: string;
                        /** @enum {string} */
                        field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                        specifications?: string;
                        standardCode?: string;
                        testReports?: {
                            /** Format: uuid */
                            testingOrgId: string;
                            reportNo: string;
                            issuedOn: string;
                            /** Format: uuid */
                            productReportId?: string;
                        }[];
                        sampleProductCode?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/catalogue/applications/{id}/reports/{n}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载检测报告文件 Download a test report file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 上传第 n 份检测报告的文件（按内容检查；草稿或退回补正时） Upload the file of test report n */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/applications/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交申请 Submit (七(一)2) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/applications/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回申请 Withdraw */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/applications/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回补正 Return for supplement (七(一)4) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/applications/{id}/provincial-reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 省级审核不通过 Reject (provincial) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/applications/{id}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 出具审核意见并报送工信部 Forward to MIIT with the opinion */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/applications/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核不通过 Reject (MIIT) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/applications/{id}/start-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 列入公示 Put on public notice (working days) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        startOn?: string;
                        workingDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/applications/{id}/close-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 公示期满无异议 Close the notice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/applications/{id}/uphold-objection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 异议成立 Uphold an objection */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterprise: {
                                id: string;
                                name: string;
                            };
                            authorityId: string;
                            /** @enum {string} */
                            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "in_notice" | "notice_passed" | "listed" | "rejected" | "withdrawn";
                            stateLabel: string;
                            productName: string;
                            model: string;
                            field: string;
                            specifications: string;
                            standardCode: string;
                            testReports: {
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                            }[];
                            sampleProductCode: string | null;
                            massRate: number | null;
                            valueRate: number | null;
                            rateFormula: string | null;
                            provincialOpinion: string | null;
                            reason: string | null;
                            notice: {
                                startOn: string;
                                endOn: string;
                            } | null;
                            listedNo: string | null;
                            submittedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布目录批次（公示无异议的型号） Publish the next numbered batch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        applicationIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batchNo: number;
                            title: string;
                            publishedOn: string;
                            models: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/product-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一个产品的全部检测报告（含未上传文件和已撤回的） Every test report of a product */
        get: {
            parameters: {
                query: {
                    productCode: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                productCode: string | null;
                                model: string;
                                wholeModel: boolean;
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                conclusion: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                                withdrawn: boolean;
                                issuedByOrg: boolean;
                                /** @enum {string|null} */
                                field: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 为追溯产品（一台或该型号全部）附第三方检测报告：本企业上传，或检测机构以本机构名义出具 Attach (enterprise) or issue (testing organisation) a test report on a traced product or its model */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        productCode: string;
                        /** @default false */
                        wholeModel?: boolean;
                        /** Format: uuid */
                        testingOrgId?: string;
                        /** @enum {string} */
                        field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                        reportNo: string;
                        issuedOn: string;
                        conclusion?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            productCode: string | null;
                            model: string;
                            wholeModel: boolean;
                            testingOrgId: string;
                            orgName: string;
                            accreditationNo: string;
                            reportNo: string;
                            issuedOn: string;
                            conclusion: string;
                            file: {
                                name: string;
                                mime: string;
                                size: number;
                                url: string;
                            } | null;
                            withdrawn: boolean;
                            issuedByOrg: boolean;
                            /** @enum {string|null} */
                            field: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/product-reports/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传检测报告文件（按内容检查） Upload the report file (checked by content) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            productCode: string | null;
                            model: string;
                            wholeModel: boolean;
                            testingOrgId: string;
                            orgName: string;
                            accreditationNo: string;
                            reportNo: string;
                            issuedOn: string;
                            conclusion: string;
                            file: {
                                name: string;
                                mime: string;
                                size: number;
                                url: string;
                            } | null;
                            withdrawn: boolean;
                            issuedByOrg: boolean;
                            /** @enum {string|null} */
                            field: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/product-reports/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回产品检测报告（不再公开） Withdraw a product test report */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            productCode: string | null;
                            model: string;
                            wholeModel: boolean;
                            testingOrgId: string;
                            orgName: string;
                            accreditationNo: string;
                            reportNo: string;
                            issuedOn: string;
                            conclusion: string;
                            file: {
                                name: string;
                                mime: string;
                                size: number;
                                url: string;
                            } | null;
                            withdrawn: boolean;
                            issuedByOrg: boolean;
                            /** @enum {string|null} */
                            field: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/product-reports/issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本检测机构出具的产品检测报告 The reports the caller's testing organisation issued */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                productCode: string | null;
                                model: string;
                                wholeModel: boolean;
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                conclusion: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                                withdrawn: boolean;
                                issuedByOrg: boolean;
                                /** @enum {string|null} */
                                field: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | null;
                                enterpriseName: string;
                                actions: ("upload" | "withdraw")[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/product-reports/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本企业产品的检测报告（本企业上传的和检测机构出具的） The test reports on the enterprise's products (its uploads and those organisations issued) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    citable?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                productCode: string | null;
                                model: string;
                                wholeModel: boolean;
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                conclusion: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                                withdrawn: boolean;
                                issuedByOrg: boolean;
                                /** @enum {string|null} */
                                field: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | null;
                                actions: ("upload" | "withdraw")[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/products/{code}/test-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品（本台及其型号）的第三方检测报告 Test reports of a product (the unit and its model) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                productCode: string | null;
                                model: string;
                                wholeModel: boolean;
                                testingOrgId: string;
                                orgName: string;
                                accreditationNo: string;
                                reportNo: string;
                                issuedOn: string;
                                conclusion: string;
                                file: {
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                } | null;
                                withdrawn: boolean;
                                issuedByOrg: boolean;
                                /** @enum {string|null} */
                                field: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/product-reports/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品检测报告文件 File of a product test report */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 再制造产品目录（已列入的型号） The catalogue of remanufactured products */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                    batch?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                listedNo: string | null;
                                batchNo: number | null;
                                batchTitle: string | null;
                                publishedOn: string | null;
                                enterpriseName: string;
                                productName: string;
                                model: string;
                                field: string;
                                fieldLabel: string;
                                specifications: string;
                                standardCode: string;
                                massRate: number | null;
                                valueRate: number | null;
                                testReports: {
                                    orgName: string;
                                    accreditationNo: string;
                                    reportNo: string;
                                    issuedOn: string;
                                    file: {
                                        name: string;
                                        mime: string;
                                        size: number;
                                        url: string;
                                    } | null;
                                }[];
                                notice: {
                                    startOn: string;
                                    endOn: string;
                                } | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/catalogue/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 目录公示（公示中的型号） Models in public notice */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                    batch?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                listedNo: string | null;
                                batchNo: number | null;
                                batchTitle: string | null;
                                publishedOn: string | null;
                                enterpriseName: string;
                                productName: string;
                                model: string;
                                field: string;
                                fieldLabel: string;
                                specifications: string;
                                standardCode: string;
                                massRate: number | null;
                                valueRate: number | null;
                                testReports: {
                                    orgName: string;
                                    accreditationNo: string;
                                    reportNo: string;
                                    issuedOn: string;
                                    file: {
                                        name: string;
                                        mime: string;
                                        size: number;
                                        url: string;
                                    } | null;
                                }[];
                                notice: {
                                    startOn: string;
                                    endOn: string;
                                } | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/catalogue/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 目录批次 The published batches */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                batchNo: number;
                                title: string;
                                publishedOn: string;
                                models: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/catalogue/{id}/reports/{n}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 目录型号（公示中或已列入）的检测报告文件 Test report file of a model in notice or listed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/catalogue/badges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品是否属于目录型号（标签、验证页、商品的徽标） Catalogue badges of product codes */
        get: {
            parameters: {
                query: {
                    codes: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                listedNo: string;
                                batchNo: number;
                                text: string;
                                textEn: string;
                                url: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/standards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 标准（全部状态） standard: every state */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    state?: "draft" | "published" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                code: string;
                                title: string;
                                titleEn: string | null;
                                /** @enum {string} */
                                type: "national" | "industry" | "group";
                                /** @enum {string} */
                                status: "current" | "upcoming" | "abolished" | "replaced";
                                issuedOn: string | null;
                                effectiveOn: string | null;
                                abolishedOn: string | null;
                                replacedBy: string | null;
                                replacedById: string | null;
                                drafters: string[];
                                summary: string;
                                verified: boolean;
                                /** @enum {string} */
                                state: "draft" | "published" | "withdrawn";
                                publishedAt: string | null;
                                updatedAt: string;
                                actions: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建标准（草稿） New standard (draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        title: string;
                        titleEn?: string | null;
                        /** @enum {string} */
                        type: "national" | "industry" | "group";
                        /** @enum {string} */
                        status: "current" | "upcoming" | "abolished" | "replaced";
                        issuedOn?: string | null;
                        effectiveOn?: string | null;
                        abolishedOn?: string | null;
                        replacedBy?: string | null;
                        /** @default [] */
                        drafters?: string[];
                        /** @default  */
                        summary?: string;
                        /** @default false */
                        verified?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            title: string;
                            titleEn: string | null;
                            /** @enum {string} */
                            type: "national" | "industry" | "group";
                            /** @enum {string} */
                            status: "current" | "upcoming" | "abolished" | "replaced";
                            issuedOn: string | null;
                            effectiveOn: string | null;
                            abolishedOn: string | null;
                            replacedBy: string | null;
                            replacedById: string | null;
                            drafters: string[];
                            summary: string;
                            verified: boolean;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/standards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 标准详情 One standard */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            title: string;
                            titleEn: string | null;
                            /** @enum {string} */
                            type: "national" | "industry" | "group";
                            /** @enum {string} */
                            status: "current" | "upcoming" | "abolished" | "replaced";
                            issuedOn: string | null;
                            effectiveOn: string | null;
                            abolishedOn: string | null;
                            replacedBy: string | null;
                            replacedById: string | null;
                            drafters: string[];
                            summary: string;
                            verified: boolean;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改标准 Edit a standard */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        title?: string;
                        titleEn?: string | null;
                        /** @enum {string} */
                        type?: "national" | "industry" | "group";
                        /** @enum {string} */
                        status?: "current" | "upcoming" | "abolished" | "replaced";
                        issuedOn?: string | null;
                        effectiveOn?: string | null;
                        abolishedOn?: string | null;
                        replacedBy?: string | null;
                        drafters?: string[];
                        summary?: string;
                        verified?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            title: string;
                            titleEn: string | null;
                            /** @enum {string} */
                            type: "national" | "industry" | "group";
                            /** @enum {string} */
                            status: "current" | "upcoming" | "abolished" | "replaced";
                            issuedOn: string | null;
                            effectiveOn: string | null;
                            abolishedOn: string | null;
                            replacedBy: string | null;
                            replacedById: string | null;
                            drafters: string[];
                            summary: string;
                            verified: boolean;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/portal/standards/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布标准 Publish a standard */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            title: string;
                            titleEn: string | null;
                            /** @enum {string} */
                            type: "national" | "industry" | "group";
                            /** @enum {string} */
                            status: "current" | "upcoming" | "abolished" | "replaced";
                            issuedOn: string | null;
                            effectiveOn: string | null;
                            abolishedOn: string | null;
                            replacedBy: string | null;
                            replacedById: string | null;
                            drafters: string[];
                            summary: string;
                            verified: boolean;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/standards/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 标准的操作记录 Audit trail of a standard */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                at: string;
                                action: string;
                                actorUsername: string | null;
                                actorRole: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/standards/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回标准 Withdraw a standard */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            title: string;
                            titleEn: string | null;
                            /** @enum {string} */
                            type: "national" | "industry" | "group";
                            /** @enum {string} */
                            status: "current" | "upcoming" | "abolished" | "replaced";
                            issuedOn: string | null;
                            effectiveOn: string | null;
                            abolishedOn: string | null;
                            replacedBy: string | null;
                            replacedById: string | null;
                            drafters: string[];
                            summary: string;
                            verified: boolean;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策文件（全部状态） policy document: every state */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    state?: "draft" | "published" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                /** @enum {string} */
                                category: "policy" | "notice" | "interpretation" | "news";
                                issuer: string;
                                docNumber: string | null;
                                issuedOn: string;
                                body: string;
                                attachments: {
                                    n: number;
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                }[];
                                /** @enum {string} */
                                state: "draft" | "published" | "withdrawn";
                                publishedAt: string | null;
                                updatedAt: string;
                                actions: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建政策文件（草稿） New policy document (draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        /** @enum {string} */
                        category: "policy" | "notice" | "interpretation" | "news";
                        /** @default  */
                        issuer?: string;
                        docNumber?: string | null;
                        issuedOn: string;
                        /** @default  */
                        body?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            /** @enum {string} */
                            category: "policy" | "notice" | "interpretation" | "news";
                            issuer: string;
                            docNumber: string | null;
                            issuedOn: string;
                            body: string;
                            attachments: {
                                n: number;
                                name: string;
                                mime: string;
                                size: number;
                                url: string;
                            }[];
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策文件详情 One policy document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            /** @enum {string} */
                            category: "policy" | "notice" | "interpretation" | "news";
                            issuer: string;
                            docNumber: string | null;
                            issuedOn: string;
                            body: string;
                            attachments: {
                                n: number;
                                name: string;
                                mime: string;
                                size: number;
                                url: string;
                            }[];
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改政策文件 Edit a policy document */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        /** @enum {string} */
                        category?: "policy" | "notice" | "interpretation" | "news";
                        issuer?: string;
                        docNumber?: string | null;
                        issuedOn?: string;
                        body?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            /** @enum {string} */
                            category: "policy" | "notice" | "interpretation" | "news";
                            issuer: string;
                            docNumber: string | null;
                            issuedOn: string;
                            body: string;
                            attachments: {
                                n: number;
                                name: string;
                                mime: string;
                                size: number;
                                url: string;
                            }[];
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/portal/policies/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布政策文件 Publish a policy document */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            /** @enum {string} */
                            category: "policy" | "notice" | "interpretation" | "news";
                            issuer: string;
                            docNumber: string | null;
                            issuedOn: string;
                            body: string;
                            attachments: {
                                n: number;
                                name: string;
                                mime: string;
                                size: number;
                                url: string;
                            }[];
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/policies/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策文件的操作记录 Audit trail of a policy document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                at: string;
                                action: string;
                                actorUsername: string | null;
                                actorRole: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/policies/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回政策文件 Withdraw a policy document */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            /** @enum {string} */
                            category: "policy" | "notice" | "interpretation" | "news";
                            issuer: string;
                            docNumber: string | null;
                            issuedOn: string;
                            body: string;
                            attachments: {
                                n: number;
                                name: string;
                                mime: string;
                                size: number;
                                url: string;
                            }[];
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/demonstration-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 示范单位（全部状态） demonstration unit: every state */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    state?: "draft" | "published" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                kind: "enterprise" | "park" | "base" | "centre";
                                provinceCode: string;
                                provinceName: string;
                                city: string;
                                field: string;
                                year: number;
                                description: string;
                                enterpriseId: string | null;
                                /** @enum {string} */
                                state: "draft" | "published" | "withdrawn";
                                publishedAt: string | null;
                                updatedAt: string;
                                actions: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建示范单位（草稿） New demonstration unit (draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        kind: "enterprise" | "park" | "base" | "centre";
                        provinceCode: string;
                        /** @default  */
                        city?: string;
                        /** @default  */
                        field?: string;
                        year: number;
                        /** @default  */
                        description?: string;
                        /** Format: uuid */
                        enterpriseId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "enterprise" | "park" | "base" | "centre";
                            provinceCode: string;
                            provinceName: string;
                            city: string;
                            field: string;
                            year: number;
                            description: string;
                            enterpriseId: string | null;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/demonstration-units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 示范单位详情 One demonstration unit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "enterprise" | "park" | "base" | "centre";
                            provinceCode: string;
                            provinceName: string;
                            city: string;
                            field: string;
                            year: number;
                            description: string;
                            enterpriseId: string | null;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改示范单位 Edit a demonstration unit */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {string} */
                        kind?: "enterprise" | "park" | "base" | "centre";
                        provinceCode?: string;
                        city?: string;
                        field?: string;
                        year?: number;
                        description?: string;
                        /** Format: uuid */
                        enterpriseId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "enterprise" | "park" | "base" | "centre";
                            provinceCode: string;
                            provinceName: string;
                            city: string;
                            field: string;
                            year: number;
                            description: string;
                            enterpriseId: string | null;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/portal/demonstration-units/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布示范单位 Publish a demonstration unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "enterprise" | "park" | "base" | "centre";
                            provinceCode: string;
                            provinceName: string;
                            city: string;
                            field: string;
                            year: number;
                            description: string;
                            enterpriseId: string | null;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/demonstration-units/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 示范单位的操作记录 Audit trail of a demonstration unit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                at: string;
                                action: string;
                                actorUsername: string | null;
                                actorRole: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/demonstration-units/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回示范单位 Withdraw a demonstration unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "enterprise" | "park" | "base" | "centre";
                            provinceCode: string;
                            provinceName: string;
                            city: string;
                            field: string;
                            year: number;
                            description: string;
                            enterpriseId: string | null;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/testing-organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测机构（全部状态） testing organisation: every state */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    state?: "draft" | "published" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                accreditationNo: string;
                                scope: string;
                                scopeFields: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
                                provinceCode: string;
                                provinceName: string;
                                website: string | null;
                                /** @enum {string} */
                                state: "draft" | "published" | "withdrawn";
                                publishedAt: string | null;
                                updatedAt: string;
                                actions: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建检测机构（草稿） New testing organisation (draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        accreditationNo: string;
                        /** @default  */
                        scope?: string;
                        /** @default [] */
                        scopeFields?: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
                        provinceCode: string;
                        website?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            accreditationNo: string;
                            scope: string;
                            scopeFields: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
                            provinceCode: string;
                            provinceName: string;
                            website: string | null;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/testing-organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测机构详情 One testing organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            accreditationNo: string;
                            scope: string;
                            scopeFields: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
                            provinceCode: string;
                            provinceName: string;
                            website: string | null;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改检测机构 Edit a testing organisation */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        accreditationNo?: string;
                        scope?: string;
                        scopeFields?: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
                        provinceCode?: string;
                        website?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            accreditationNo: string;
                            scope: string;
                            scopeFields: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
                            provinceCode: string;
                            provinceName: string;
                            website: string | null;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/portal/testing-organizations/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布检测机构 Publish a testing organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            accreditationNo: string;
                            scope: string;
                            scopeFields: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
                            provinceCode: string;
                            provinceName: string;
                            website: string | null;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/testing-organizations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测机构的操作记录 Audit trail of a testing organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                at: string;
                                action: string;
                                actorUsername: string | null;
                                actorRole: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/testing-organizations/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回检测机构 Withdraw a testing organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            accreditationNo: string;
                            scope: string;
                            scopeFields: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
                            provinceCode: string;
                            provinceName: string;
                            website: string | null;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/policies/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传政策文件附件（按内容检查） Attach a file to a policy document */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            /** @enum {string} */
                            category: "policy" | "notice" | "interpretation" | "news";
                            issuer: string;
                            docNumber: string | null;
                            issuedOn: string;
                            body: string;
                            attachments: {
                                n: number;
                                name: string;
                                mime: string;
                                size: number;
                                url: string;
                            }[];
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/policies/{id}/attachments/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载附件（任何状态） Download an attachment (any state) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/standards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 标准库（已发布） Standards library */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    status?: "current" | "upcoming" | "abolished" | "replaced";
                    type?: "national" | "industry" | "group";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                code: string;
                                title: string;
                                titleEn: string | null;
                                /** @enum {string} */
                                type: "national" | "industry" | "group";
                                /** @enum {string} */
                                status: "current" | "upcoming" | "abolished" | "replaced";
                                issuedOn: string | null;
                                effectiveOn: string | null;
                                abolishedOn: string | null;
                                replacedBy: string | null;
                                replacedById: string | null;
                                drafters: string[];
                                summary: string;
                                verified: boolean;
                                /** @enum {string} */
                                state: "draft" | "published" | "withdrawn";
                                publishedAt: string | null;
                                updatedAt: string;
                                actions: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/standards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 标准详情 One standard */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            title: string;
                            titleEn: string | null;
                            /** @enum {string} */
                            type: "national" | "industry" | "group";
                            /** @enum {string} */
                            status: "current" | "upcoming" | "abolished" | "replaced";
                            issuedOn: string | null;
                            effectiveOn: string | null;
                            abolishedOn: string | null;
                            replacedBy: string | null;
                            replacedById: string | null;
                            drafters: string[];
                            summary: string;
                            verified: boolean;
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/standards/{id}/declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 声明执行该标准的目录型号、产品与公告企业 Who declares a standard: catalogue models, traced products, announced enterprises */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                kind: "catalogue" | "product" | "enterprise";
                                enterprise: {
                                    id: string;
                                    name: string;
                                };
                                productName: string | null;
                                model: string | null;
                                units: number | null;
                                listedNo: string | null;
                                declaredAs: string;
                                url: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                            code: string;
                            counts: {
                                catalogue: number;
                                product: number;
                                enterprise: number;
                            };
                            enterprises: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策与通知（已发布） Policies and notices */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    category?: "policy" | "notice" | "interpretation" | "news";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                /** @enum {string} */
                                category: "policy" | "notice" | "interpretation" | "news";
                                issuer: string;
                                docNumber: string | null;
                                issuedOn: string;
                                attachments: {
                                    n: number;
                                    name: string;
                                    mime: string;
                                    size: number;
                                    url: string;
                                }[];
                                /** @enum {string} */
                                state: "draft" | "published" | "withdrawn";
                                publishedAt: string | null;
                                updatedAt: string;
                                actions: string[];
                                excerpt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策文件全文 One policy document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            /** @enum {string} */
                            category: "policy" | "notice" | "interpretation" | "news";
                            issuer: string;
                            docNumber: string | null;
                            issuedOn: string;
                            body: string;
                            attachments: {
                                n: number;
                                name: string;
                                mime: string;
                                size: number;
                                url: string;
                            }[];
                            /** @enum {string} */
                            state: "draft" | "published" | "withdrawn";
                            publishedAt: string | null;
                            updatedAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/policies/{id}/attachments/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策文件附件 Attachment of a published policy document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/demonstration-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 示范单位（已发布） Demonstration units */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    kind?: "enterprise" | "park" | "base" | "centre";
                    province?: string;
                    field?: string;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                kind: "enterprise" | "park" | "base" | "centre";
                                provinceCode: string;
                                provinceName: string;
                                city: string;
                                field: string;
                                year: number;
                                description: string;
                                enterpriseId: string | null;
                                /** @enum {string} */
                                state: "draft" | "published" | "withdrawn";
                                publishedAt: string | null;
                                updatedAt: string;
                                actions: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/demonstration-units/by-province": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 示范单位按省份统计（地图） Demonstration units per province */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                provinceCode: string;
                                provinceName: string;
                                count: number;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/testing-organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 第三方检测评价机构（已发布） Testing organisations */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    province?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                accreditationNo: string;
                                scope: string;
                                scopeFields: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
                                provinceCode: string;
                                provinceName: string;
                                website: string | null;
                                /** @enum {string} */
                                state: "draft" | "published" | "withdrawn";
                                publishedAt: string | null;
                                updatedAt: string;
                                actions: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/announcements.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Atom 1.0 订阅：announcements */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/notices.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Atom 1.0 订阅：notices */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/standards.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Atom 1.0 订阅：standards */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/policies.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Atom 1.0 订阅：policies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/catalogue.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Atom 1.0 订阅：catalogue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 开放数据集（CSV/JSON，含更新时间与许可） Open datasets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                name: string;
                                nameEn: string;
                                description: string;
                                lastModified: string | null;
                                licence: {
                                    name: string;
                                    url: string;
                                };
                                csv: string;
                                json: string;
                                schema: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/datasets/{key}/data.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据集 CSV（UTF-8 带 BOM） A dataset as CSV (UTF-8 with BOM) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/datasets/{key}/data.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据集 JSON A dataset as JSON */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/datasets/{key}/schema.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据集的 JSON Schema The JSON Schema of a dataset */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 《高端智能再制造行动计划》目标与进展 Targets of the action plan and where they stand */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                key: "outputValue" | "demonstrationUnits" | "standards" | "announcedEnterprises";
                                name: string;
                                nameEn: string;
                                target: number | null;
                                /** @description null: no data source yet (see source) */
                                actual: number | null;
                                unit: string;
                                unitEn: string;
                                asOf: string;
                                source: string;
                                sourceEn: string;
                                trend: {
                                    year: number;
                                    value: number;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/bulk/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 批量接入模板（.xlsx） Bulk provisioning template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批量接入设备（multipart 字段 file，.xlsx；逐行校验，全部或全不；密码仅显示一次） Bulk provisioning from an .xlsx (all rows or none; passwords shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BulkProvisioned"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/fleet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 设备群：装机量（型号、省份）、健康分布、旧件回流预测 Fleet: installed base, health distribution, forecast of returning cores */
        get: {
            parameters: {
                query?: {
                    months?: number;
                    returnAtWarrantyEnd?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeviceFleet"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 健康指数与剩余寿命（含区间） Health index and remaining useful life with its interval */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeviceHealth"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 所有者授予或撤回制造企业的服务访问 The owner grants or withdraws the maker’s service access */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        manufacturerAccess: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Device"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 实时数据推送（SSE） Live values (Server-Sent Events: latest, then each change) */
        get: {
            parameters: {
                query?: {
                    since?: number;
                    maxSeconds?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 设备列表 Devices of the caller’s enterprise */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    status?: "online" | "offline" | "revoked" | "active";
                    model?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Device"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 接入设备（凭据仅显示一次） Provision a device (credentials shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        productCode: string;
                        name?: string;
                        regionCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProvisionedDevice"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 设备汇总（主管部门：辖区内企业，仅汇总；按企业与安装省份） Device counts per enterprise and installation province (aggregate only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                enterpriseId: string;
                                enterpriseName: string;
                                regionCode: string;
                                total: number;
                                active: number;
                                online: number;
                                pointsStored: number;
                            }[];
                            byProvince: {
                                provinceCode: string;
                                total: number;
                                active: number;
                                online: number;
                                pointsStored: number;
                                enterprises: {
                                    enterpriseId: string;
                                    enterpriseName: string;
                                    regionCode: string;
                                    total: number;
                                    active: number;
                                    online: number;
                                    pointsStored: number;
                                }[];
                            }[];
                            totals: {
                                total: number;
                                active: number;
                                online: number;
                                pointsStored: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 设备详情 One device */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeviceDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置设备凭据（新密码仅显示一次） Rotate credentials */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            device: components["schemas"]["Device"];
                            credentials: components["schemas"]["DeviceCredentials"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 吊销设备 Revoke a device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Device"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/telemetry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 遥测曲线（points 降采样保留极值） Telemetry series, downsampled keeping extremes */
        get: {
            parameters: {
                query?: {
                    keys?: string;
                    from?: string;
                    to?: string;
                    points?: number;
                    resolution?: "auto" | "raw" | "1m" | "1h";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TelemetrySeries"];
                    };
                };
            };
        };
        put?: never;
        /** 上报遥测（HTTP Basic：设备凭据） Ingest telemetry (HTTP Basic with the device credentials) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description {"ts": <epoch ms | ISO 8601>, "values": {"<key>": number|boolean|string}} or an array of such (at most 10,000 points) */
            requestBody: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 最新值 Latest values */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TelemetryLatest"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/thing-models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 物模型（本企业各产品型号）与模板 Thing models and templates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ThingModel"][];
                            templates: {
                                id: string;
                                name: {
                                    zh: string;
                                    en: string;
                                };
                                metrics: components["schemas"]["ThingModelMetric"][];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/thing-models/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置产品型号的物模型 Set the thing model of a product model */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    model: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        template?: "engine" | "hydraulicPump";
                        metrics?: components["schemas"]["ThingModelMetricInput"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ThingModel"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单（买方：本单位的；卖方：本企业的；工信部：全部），分页 Orders, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "inquiry" | "quoted" | "placed" | "confirmed" | "paid" | "delivered" | "accepted" | "disputed" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Order"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 下单或询价（可附以旧换再） Place an order or an inquiry (optionally with a trade-in) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        listingId: string;
                        /** @default 1 */
                        quantity?: number;
                        /** @default false */
                        inquiry?: boolean;
                        message?: string;
                        tradeIn?: {
                            model: string;
                            ageYears: number;
                            runningHours: number;
                            /** @enum {string} */
                            condition: "A" | "B" | "C" | "D";
                            productCode?: string;
                            /** @enum {string} */
                            field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单详情（含可执行操作） One order with the caller’s actions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 卖方报价（可还价） Quote an inquiry */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        unitPriceCny: number;
                        /** @enum {string} */
                        paymentTerms?: "on_account" | "prepayment";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/place": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 买方接受报价并下单 Accept the quotation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 卖方确认订单（预留产品） Confirm (reserves the units) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        paymentTerms?: "on_account" | "prepayment";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 取消订单 Cancel */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 交付（记录销售到追溯链） Deliver (records the sale in the trace) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        invoiceNumber?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 买方验收 Accept the delivery */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/dispute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 买方提出争议 Dispute the delivery */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 卖方解决争议 Resolve a dispute */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        resolution: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记发票号码 Record the invoice number */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        invoiceNumber: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/trade-in/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 买方寄回旧件 The old unit is on its way */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        trackingNo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/trade-in/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 卖方接收并验收旧件（记录旧件回收） Receive and inspect the core (core intake in the trace) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        grade: "A" | "B" | "C" | "D";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/trade-in/settle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 以旧换再结算（退押金、多退少补） Settle the trade-in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 登记付款（银行转账回单） Record a payment with its bank transfer voucher
         * @description multipart/form-data: amountCny, reference?, note? and one file (PDF, JPEG, PNG or OFD, checked by content).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/payments/{pid}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 卖方确认收款 Confirm the payment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    pid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/payments/{pid}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 卖方退回付款凭证 Reject the voucher */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    pid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/payments/{pid}/voucher": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载付款凭证 Download a payment voucher */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    pid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/contract.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 买卖合同（Word） The sales contract */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/delivery-note.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 送货单（Word） The delivery note */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/settlement.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 以旧换再结算单（Word） The trade-in settlement statement */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trade-in-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本企业的以旧换再估值规则 The seller’s trade-in valuation rules */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TradeInRule"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trade-in-rules/{scope}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设定估值规则（按型号，或按领域作为默认） Set a valuation rule (per model, or per field as default) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    scope: "model" | "field";
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        baseValueCny: number;
                        depreciationPerYear: number;
                        floorShare: number;
                        hoursPerYear: number;
                        coreDepositCny: number;
                        returnDays: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TradeInRule"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/trade-in/estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 以旧换再即时估价 Instant trade-in estimate for a listing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        model: string;
                        ageYears: number;
                        runningHours: number;
                        /** @enum {string} */
                        condition: "A" | "B" | "C" | "D";
                        productCode?: string;
                        /** @enum {string} */
                        field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                        /** Format: uuid */
                        listingId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TradeInEstimate"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 租赁合同（出租企业、承租方、融资租赁公司：各自的；工信部：全部），分页 Leases, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "active" | "ended" | "terminated" | "returned" | "purchased";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Lease"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 出租本企业的产品（经营租赁/融资租赁，固定或按用量计租，可以租代购） Lease a unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        productCode: string;
                        lesseeCreditCode: string;
                        /** @enum {string} */
                        kind: "operating" | "finance";
                        financierCreditCode?: string;
                        startOn?: string;
                        months: number;
                        depositCny: number;
                        billing: {
                            /** @enum {string} */
                            mode: "fixed";
                            monthlyRentCny: number;
                        } | {
                            /** @enum {string} */
                            mode: "usage";
                            ratePerHourCny: number;
                            minimumMonthlyCny: number;
                            startHours?: number;
                        };
                        purchasePriceCny?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lease"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 租赁合同详情（含租金计划与可执行操作） One lease with its schedule and the caller’s actions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lease"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leases/{id}/rents/{seq}/bill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按运行小时计费（监测读数优先，否则申报读数） Bill a usage period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    seq: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        readingHours?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lease"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leases/{id}/rents/{seq}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记收到租金（末期付清：租期届满或以租代购转移所有权） Record a rent received */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    seq: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lease"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leases/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提前终止租赁 Terminate a lease early */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lease"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leases/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 租赁物返还（再出租，或作为旧件回收） The unit comes back */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        disposition: "relet" | "core_intake";
                        /** @enum {string} */
                        grade?: "A" | "B" | "C" | "D";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lease"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leases/{id}/statement.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 租金计划与承租方对账单（Excel） Schedule and lessee statement (.xlsx) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 保单（企业：本企业产品的；保险机构：承保的；采购/承租方：持有的；工信部：全部），分页 Policies, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    productCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["InsurancePolicy"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 登记产品质量保险（随销售订单或租赁合同） Record a unit’s quality insurance at its sale or lease */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        orderId?: string;
                        /** Format: uuid */
                        leaseId?: string;
                        productCode?: string;
                        insurerCreditCode: string;
                        policyNumber: string;
                        coverCny: number;
                        coverage?: string;
                        premiumCny: number;
                        startsOn: string;
                        endsOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InsurancePolicy"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 保单详情 One policy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InsurancePolicy"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 转交保险机构的理赔（质保期外、保险期内的故障工单），分页 Claims routed to insurers, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "pending" | "accepted" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["InsuranceClaim"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/claims/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 理赔详情 One claim */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InsuranceClaim"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/claims/{caseId}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 保险机构理赔决定（赔付金额不超过剩余保额，或拒赔） The insurer decides a claim */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "accepted" | "rejected";
                        amountCny?: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InsuranceClaim"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 各企业投保产品与理赔统计 Insured units and claims per enterprise */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InsuranceFigures"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/insurance/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品的质量保险（公开：承保机构、保单号、保额、期限） A unit’s quality insurance, public */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicUnitInsurance"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/core-exchange/postings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 旧件供需信息（公开中的，或 mine=true 本单位的全部），分页 Core postings, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    kind?: "supply" | "demand";
                    q?: string;
                    field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                    region?: string;
                    mine?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                kind: "supply" | "demand";
                                party: {
                                    /** @enum {string} */
                                    kind: "enterprise" | "organisation";
                                    id: string;
                                    name: string;
                                    /** @enum {string} */
                                    channel: "enterprise" | "recycler" | "dealer";
                                };
                                name: string;
                                model: string | null;
                                field: string | null;
                                quantity: number;
                                remaining: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "D";
                                priceCny: number | null;
                                depositCny: number | null;
                                regionCode: string;
                                regionName: string;
                                note: string;
                                /** @enum {string} */
                                status: "open" | "filled" | "withdrawn";
                                createdAt: string;
                                actions: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 发布旧件供应或需求 Post a supply or demand of cores */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "supply" | "demand";
                        name: string;
                        model?: string;
                        /** @enum {string} */
                        field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment";
                        quantity: number;
                        /** @enum {string} */
                        grade: "A" | "B" | "C" | "D";
                        priceCny?: number;
                        depositCny?: number;
                        regionCode: string;
                        /** @enum {string} */
                        channel?: "recycler" | "dealer";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "supply" | "demand";
                            party: {
                                /** @enum {string} */
                                kind: "enterprise" | "organisation";
                                id: string;
                                name: string;
                                /** @enum {string} */
                                channel: "enterprise" | "recycler" | "dealer";
                            };
                            name: string;
                            model: string | null;
                            field: string | null;
                            quantity: number;
                            remaining: number;
                            /** @enum {string} */
                            grade: "A" | "B" | "C" | "D";
                            priceCny: number | null;
                            depositCny: number | null;
                            regionCode: string;
                            regionName: string;
                            note: string;
                            /** @enum {string} */
                            status: "open" | "filled" | "withdrawn";
                            createdAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/core-exchange/postings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 旧件供需信息详情 One core posting */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "supply" | "demand";
                            party: {
                                /** @enum {string} */
                                kind: "enterprise" | "organisation";
                                id: string;
                                name: string;
                                /** @enum {string} */
                                channel: "enterprise" | "recycler" | "dealer";
                            };
                            name: string;
                            model: string | null;
                            field: string | null;
                            quantity: number;
                            remaining: number;
                            /** @enum {string} */
                            grade: "A" | "B" | "C" | "D";
                            priceCny: number | null;
                            depositCny: number | null;
                            regionCode: string;
                            regionName: string;
                            note: string;
                            /** @enum {string} */
                            status: "open" | "filled" | "withdrawn";
                            createdAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/core-exchange/postings/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回旧件供需信息 Withdraw a core posting */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "supply" | "demand";
                            party: {
                                /** @enum {string} */
                                kind: "enterprise" | "organisation";
                                id: string;
                                name: string;
                                /** @enum {string} */
                                channel: "enterprise" | "recycler" | "dealer";
                            };
                            name: string;
                            model: string | null;
                            field: string | null;
                            quantity: number;
                            remaining: number;
                            /** @enum {string} */
                            grade: "A" | "B" | "C" | "D";
                            priceCny: number | null;
                            depositCny: number | null;
                            regionCode: string;
                            regionName: string;
                            note: string;
                            /** @enum {string} */
                            status: "open" | "filled" | "withdrawn";
                            createdAt: string;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/core-exchange/postings/{id}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 匹配建议（按型号/领域、等级、数量，附理由） Match suggestions with their reasons */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                supply: {
                                    id: string;
                                    /** @enum {string} */
                                    kind: "supply" | "demand";
                                    party: {
                                        /** @enum {string} */
                                        kind: "enterprise" | "organisation";
                                        id: string;
                                        name: string;
                                        /** @enum {string} */
                                        channel: "enterprise" | "recycler" | "dealer";
                                    };
                                    name: string;
                                    model: string | null;
                                    field: string | null;
                                    quantity: number;
                                    remaining: number;
                                    /** @enum {string} */
                                    grade: "A" | "B" | "C" | "D";
                                    priceCny: number | null;
                                    depositCny: number | null;
                                    regionCode: string;
                                    regionName: string;
                                    note: string;
                                    /** @enum {string} */
                                    status: "open" | "filled" | "withdrawn";
                                    createdAt: string;
                                    actions: string[];
                                };
                                demand: {
                                    id: string;
                                    /** @enum {string} */
                                    kind: "supply" | "demand";
                                    party: {
                                        /** @enum {string} */
                                        kind: "enterprise" | "organisation";
                                        id: string;
                                        name: string;
                                        /** @enum {string} */
                                        channel: "enterprise" | "recycler" | "dealer";
                                    };
                                    name: string;
                                    model: string | null;
                                    field: string | null;
                                    quantity: number;
                                    remaining: number;
                                    /** @enum {string} */
                                    grade: "A" | "B" | "C" | "D";
                                    priceCny: number | null;
                                    depositCny: number | null;
                                    regionCode: string;
                                    regionName: string;
                                    note: string;
                                    /** @enum {string} */
                                    status: "open" | "filled" | "withdrawn";
                                    createdAt: string;
                                    actions: string[];
                                };
                                quantity: number;
                                score: number;
                                reason: {
                                    zh: string;
                                    en: string;
                                };
                                matchId: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/core-exchange/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位参与的旧件交易匹配，分页 My core matches, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "proposed" | "accepted" | "declined";
                    postingId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                status: "proposed" | "accepted" | "declined";
                                quantity: number;
                                /** @enum {string} */
                                proposedSide: "supply" | "demand";
                                supply: {
                                    id: string;
                                    /** @enum {string} */
                                    kind: "supply" | "demand";
                                    party: {
                                        /** @enum {string} */
                                        kind: "enterprise" | "organisation";
                                        id: string;
                                        name: string;
                                        /** @enum {string} */
                                        channel: "enterprise" | "recycler" | "dealer";
                                    };
                                    name: string;
                                    model: string | null;
                                    field: string | null;
                                    quantity: number;
                                    remaining: number;
                                    /** @enum {string} */
                                    grade: "A" | "B" | "C" | "D";
                                    priceCny: number | null;
                                    depositCny: number | null;
                                    regionCode: string;
                                    regionName: string;
                                    note: string;
                                    /** @enum {string} */
                                    status: "open" | "filled" | "withdrawn";
                                    createdAt: string;
                                    actions: string[];
                                };
                                demand: {
                                    id: string;
                                    /** @enum {string} */
                                    kind: "supply" | "demand";
                                    party: {
                                        /** @enum {string} */
                                        kind: "enterprise" | "organisation";
                                        id: string;
                                        name: string;
                                        /** @enum {string} */
                                        channel: "enterprise" | "recycler" | "dealer";
                                    };
                                    name: string;
                                    model: string | null;
                                    field: string | null;
                                    quantity: number;
                                    remaining: number;
                                    /** @enum {string} */
                                    grade: "A" | "B" | "C" | "D";
                                    priceCny: number | null;
                                    depositCny: number | null;
                                    regionCode: string;
                                    regionName: string;
                                    note: string;
                                    /** @enum {string} */
                                    status: "open" | "filled" | "withdrawn";
                                    createdAt: string;
                                    actions: string[];
                                };
                                reason: string;
                                note: string;
                                attestation: {
                                    statement: string;
                                    document: string | null;
                                    partyName: string;
                                    username: string | null;
                                    at: string;
                                    cores: string[];
                                    file: {
                                        id: string;
                                        name: string;
                                        mime: string;
                                        size: number;
                                    } | null;
                                } | null;
                                transfer: {
                                    coreEpcs: string[];
                                    receiverEventIds: string[];
                                    supplierEventIds: string[];
                                } | null;
                                createdAt: string;
                                decidedAt: string | null;
                                actions: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 提出匹配（供应方提出时声明旧件来源） Propose a match */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        supplyId: string;
                        /** Format: uuid */
                        demandId: string;
                        quantity?: number;
                        attestation?: {
                            statement: string;
                            document?: string;
                            coreCodes?: string[];
                            documentFile?: string;
                        };
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "proposed" | "accepted" | "declined";
                            quantity: number;
                            /** @enum {string} */
                            proposedSide: "supply" | "demand";
                            supply: {
                                id: string;
                                /** @enum {string} */
                                kind: "supply" | "demand";
                                party: {
                                    /** @enum {string} */
                                    kind: "enterprise" | "organisation";
                                    id: string;
                                    name: string;
                                    /** @enum {string} */
                                    channel: "enterprise" | "recycler" | "dealer";
                                };
                                name: string;
                                model: string | null;
                                field: string | null;
                                quantity: number;
                                remaining: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "D";
                                priceCny: number | null;
                                depositCny: number | null;
                                regionCode: string;
                                regionName: string;
                                note: string;
                                /** @enum {string} */
                                status: "open" | "filled" | "withdrawn";
                                createdAt: string;
                                actions: string[];
                            };
                            demand: {
                                id: string;
                                /** @enum {string} */
                                kind: "supply" | "demand";
                                party: {
                                    /** @enum {string} */
                                    kind: "enterprise" | "organisation";
                                    id: string;
                                    name: string;
                                    /** @enum {string} */
                                    channel: "enterprise" | "recycler" | "dealer";
                                };
                                name: string;
                                model: string | null;
                                field: string | null;
                                quantity: number;
                                remaining: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "D";
                                priceCny: number | null;
                                depositCny: number | null;
                                regionCode: string;
                                regionName: string;
                                note: string;
                                /** @enum {string} */
                                status: "open" | "filled" | "withdrawn";
                                createdAt: string;
                                actions: string[];
                            };
                            reason: string;
                            note: string;
                            attestation: {
                                statement: string;
                                document: string | null;
                                partyName: string;
                                username: string | null;
                                at: string;
                                cores: string[];
                                file: {
                                    id: string;
                                    name: string;
                                    mime: string;
                                    size: number;
                                } | null;
                            } | null;
                            transfer: {
                                coreEpcs: string[];
                                receiverEventIds: string[];
                                supplierEventIds: string[];
                            } | null;
                            createdAt: string;
                            decidedAt: string | null;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/core-exchange/matches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 旧件交易匹配详情 One core match */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "proposed" | "accepted" | "declined";
                            quantity: number;
                            /** @enum {string} */
                            proposedSide: "supply" | "demand";
                            supply: {
                                id: string;
                                /** @enum {string} */
                                kind: "supply" | "demand";
                                party: {
                                    /** @enum {string} */
                                    kind: "enterprise" | "organisation";
                                    id: string;
                                    name: string;
                                    /** @enum {string} */
                                    channel: "enterprise" | "recycler" | "dealer";
                                };
                                name: string;
                                model: string | null;
                                field: string | null;
                                quantity: number;
                                remaining: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "D";
                                priceCny: number | null;
                                depositCny: number | null;
                                regionCode: string;
                                regionName: string;
                                note: string;
                                /** @enum {string} */
                                status: "open" | "filled" | "withdrawn";
                                createdAt: string;
                                actions: string[];
                            };
                            demand: {
                                id: string;
                                /** @enum {string} */
                                kind: "supply" | "demand";
                                party: {
                                    /** @enum {string} */
                                    kind: "enterprise" | "organisation";
                                    id: string;
                                    name: string;
                                    /** @enum {string} */
                                    channel: "enterprise" | "recycler" | "dealer";
                                };
                                name: string;
                                model: string | null;
                                field: string | null;
                                quantity: number;
                                remaining: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "D";
                                priceCny: number | null;
                                depositCny: number | null;
                                regionCode: string;
                                regionName: string;
                                note: string;
                                /** @enum {string} */
                                status: "open" | "filled" | "withdrawn";
                                createdAt: string;
                                actions: string[];
                            };
                            reason: string;
                            note: string;
                            attestation: {
                                statement: string;
                                document: string | null;
                                partyName: string;
                                username: string | null;
                                at: string;
                                cores: string[];
                                file: {
                                    id: string;
                                    name: string;
                                    mime: string;
                                    size: number;
                                } | null;
                            } | null;
                            transfer: {
                                coreEpcs: string[];
                                receiverEventIds: string[];
                                supplierEventIds: string[];
                            } | null;
                            createdAt: string;
                            decidedAt: string | null;
                            actions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/core-exchange/matches/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认匹配：双方同意，转移记入双方追溯 Accept: the transfer is recorded in both traces */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attestation?: {
                            statement: string;
                            document?: string;
                            coreCodes?: string[];
                            documentFile?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "proposed" | "accepted" | "declined";
                            quantity: number;
                            /** @enum {string} */
                            proposedSide: "supply" | "demand";
                            supply: {
                                id: string;
                                /** @enum {string} */
                                kind: "supply" | "demand";
                                party: {
                                    /** @enum {string} */
                                    kind: "enterprise" | "organisation";
                                    id: string;
                                    name: string;
                                    /** @enum {string} */
                                    channel: "enterprise" | "recycler" | "dealer";
                                };
                                name: string;
                                model: string | null;
                                field: string | null;
                                quantity: number;
                                remaining: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "D";
                                priceCny: number | null;
                                depositCny: number | null;
                                regionCode: string;
                                regionName: string;
                                note: string;
                                /** @enum {string} */
                                status: "open" | "filled" | "withdrawn";
                                createdAt: string;
                                actions: string[];
                            };
                            demand: {
                                id: string;
                                /** @enum {string} */
                                kind: "supply" | "demand";
                                party: {
                                    /** @enum {string} */
                                    kind: "enterprise" | "organisation";
                                    id: string;
                                    name: string;
                                    /** @enum {string} */
                                    channel: "enterprise" | "recycler" | "dealer";
                                };
                                name: string;
                                model: string | null;
                                field: string | null;
                                quantity: number;
                                remaining: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "D";
                                priceCny: number | null;
                                depositCny: number | null;
                                regionCode: string;
                                regionName: string;
                                note: string;
                                /** @enum {string} */
                                status: "open" | "filled" | "withdrawn";
                                createdAt: string;
                                actions: string[];
                            };
                            reason: string;
                            note: string;
                            attestation: {
                                statement: string;
                                document: string | null;
                                partyName: string;
                                username: string | null;
                                at: string;
                                cores: string[];
                                file: {
                                    id: string;
                                    name: string;
                                    mime: string;
                                    size: number;
                                } | null;
                            } | null;
                            transfer: {
                                coreEpcs: string[];
                                receiverEventIds: string[];
                                supplierEventIds: string[];
                            } | null;
                            createdAt: string;
                            decidedAt: string | null;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/core-exchange/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传旧件来源证明文件（按内容和大小检查），供来源声明引用 Upload a source declaration's supporting document (checked by content and size) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            mime: string;
                            size: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/core-exchange/matches/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载来源声明的证明文件（交易双方和工信部） Download the declaration's supporting document (the two parties and MIIT) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/core-exchange/matches/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 拒绝或撤回匹配 Decline or take back a match */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "proposed" | "accepted" | "declined";
                            quantity: number;
                            /** @enum {string} */
                            proposedSide: "supply" | "demand";
                            supply: {
                                id: string;
                                /** @enum {string} */
                                kind: "supply" | "demand";
                                party: {
                                    /** @enum {string} */
                                    kind: "enterprise" | "organisation";
                                    id: string;
                                    name: string;
                                    /** @enum {string} */
                                    channel: "enterprise" | "recycler" | "dealer";
                                };
                                name: string;
                                model: string | null;
                                field: string | null;
                                quantity: number;
                                remaining: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "D";
                                priceCny: number | null;
                                depositCny: number | null;
                                regionCode: string;
                                regionName: string;
                                note: string;
                                /** @enum {string} */
                                status: "open" | "filled" | "withdrawn";
                                createdAt: string;
                                actions: string[];
                            };
                            demand: {
                                id: string;
                                /** @enum {string} */
                                kind: "supply" | "demand";
                                party: {
                                    /** @enum {string} */
                                    kind: "enterprise" | "organisation";
                                    id: string;
                                    name: string;
                                    /** @enum {string} */
                                    channel: "enterprise" | "recycler" | "dealer";
                                };
                                name: string;
                                model: string | null;
                                field: string | null;
                                quantity: number;
                                remaining: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "D";
                                priceCny: number | null;
                                depositCny: number | null;
                                regionCode: string;
                                regionName: string;
                                note: string;
                                /** @enum {string} */
                                status: "open" | "filled" | "withdrawn";
                                createdAt: string;
                                actions: string[];
                            };
                            reason: string;
                            note: string;
                            attestation: {
                                statement: string;
                                document: string | null;
                                partyName: string;
                                username: string | null;
                                at: string;
                                cores: string[];
                                file: {
                                    id: string;
                                    name: string;
                                    mime: string;
                                    size: number;
                                } | null;
                            } | null;
                            transfer: {
                                coreEpcs: string[];
                                receiverEventIds: string[];
                                supplierEventIds: string[];
                            } | null;
                            createdAt: string;
                            decidedAt: string | null;
                            actions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单的评价（订单双方与工信部；其他人 404） The rating of an order (its two parties and MIIT; others 404) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TradeRating"];
                    };
                };
            };
        };
        put?: never;
        /** 验收后评价产品与卖方（每单一次） Rate the delivered units and the seller after acceptance (once per order) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        unitScore: number;
                        sellerScore: number;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TradeRating"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/sellers/{enterpriseId}/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 卖方的质量评价与质保索赔率，分页 A seller’s ratings and warranty-claim rate, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    enterpriseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TradeRating"][];
                            total: number;
                            page: number;
                            pageSize: number;
                            enterpriseId: string;
                            quality: {
                                ratings: number;
                                meanUnitScore: number | null;
                                meanSellerScore: number | null;
                                unitsDelivered: number;
                                warrantyClaims: number;
                                claimsAccepted: number;
                                claimRatePct: number | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 交易市场统计：成交台数、金额、以旧换再、租赁，按地区和领域（主管部门：辖区；工信部：全部） Market statistics by region and field */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MarketStats"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 告警规则列表 Alarm rules of the caller’s enterprise */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    model?: string;
                    deviceId?: string;
                    key?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AlarmRule"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建告警规则（按型号或单台设备） Create an alarm rule (per model or per device) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        condition: {
                            /** @enum {string} */
                            op: ">" | ">=" | "<" | "<=" | "==" | "!=";
                            value: number | boolean | string;
                        };
                        durationSec?: number;
                        repeat?: {
                            count: number;
                            withinSec: number;
                        };
                        noDataSec?: number;
                        /** @enum {string} */
                        severity: "WARNING" | "MINOR" | "MAJOR" | "CRITICAL";
                        clearHysteresis?: number;
                        escalateAfterSec?: number;
                        renotifyEverySec?: number;
                        /** Format: uuid */
                        deviceId?: string;
                        model?: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlarmRule"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-rules/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出告警规则（JSON） Export alarm rules as JSON */
        get: {
            parameters: {
                query?: {
                    model?: string;
                    deviceId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            deviceId: string | null;
                            model: string | null;
                            name: string | null;
                            key: string;
                            condition: {
                                /** @enum {string} */
                                op: ">" | ">=" | "<" | "<=" | "==" | "!=";
                                value: number | boolean | string;
                            };
                            durationSec?: number;
                            repeat?: {
                                count: number;
                                withinSec: number;
                            };
                            noDataSec?: number;
                            /** @enum {string} */
                            severity: "WARNING" | "MINOR" | "MAJOR" | "CRITICAL";
                            clearHysteresis?: number;
                            escalateAfterSec?: number;
                            renotifyEverySec?: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-rules/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入告警规则（JSON 数组，全部校验通过才写入） Import alarm rules (all or nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": unknown[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            updated: number;
                            rules: components["schemas"]["AlarmRule"][];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 告警规则 One alarm rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlarmRule"];
                    };
                };
            };
        };
        /** 修改告警规则（范围不变） Replace an alarm rule (same scope) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        condition: {
                            /** @enum {string} */
                            op: ">" | ">=" | "<" | "<=" | "==" | "!=";
                            value: number | boolean | string;
                        };
                        durationSec?: number;
                        repeat?: {
                            count: number;
                            withinSec: number;
                        };
                        noDataSec?: number;
                        /** @enum {string} */
                        severity: "WARNING" | "MINOR" | "MAJOR" | "CRITICAL";
                        clearHysteresis?: number;
                        escalateAfterSec?: number;
                        renotifyEverySec?: number;
                        /** Format: uuid */
                        deviceId?: string;
                        model?: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlarmRule"];
                    };
                };
            };
        };
        post?: never;
        /** 删除告警规则（其活动告警随之清除） Delete an alarm rule (its active alarms are cleared) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 告警列表（按设备、状态、级别） Alarms, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    deviceId?: string;
                    status?: "active" | "cleared" | "ACTIVE_UNACK" | "ACTIVE_ACK" | "CLEARED_UNACK" | "CLEARED_ACK";
                    severity?: "WARNING" | "MINOR" | "MAJOR" | "CRITICAL";
                    ruleId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Alarm"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 告警详情（含处理记录） One alarm with its history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterpriseId: string;
                            ruleId: string;
                            deviceId: string;
                            key: string;
                            /** @enum {string} */
                            cause: "condition" | "noData";
                            /** @enum {string} */
                            severity: "WARNING" | "MINOR" | "MAJOR" | "CRITICAL";
                            /** @enum {string} */
                            initialSeverity: "WARNING" | "MINOR" | "MAJOR" | "CRITICAL";
                            /** @enum {string} */
                            status: "active" | "cleared";
                            /** @enum {string} */
                            combinedStatus: "ACTIVE_UNACK" | "ACTIVE_ACK" | "CLEARED_UNACK" | "CLEARED_ACK";
                            acknowledged: boolean;
                            acknowledgedAt: string | null;
                            acknowledgedBy: string | null;
                            assigneeId: string | null;
                            raisedTs: string;
                            raisedAt: string;
                            raiseValue: (number | boolean | string) | null;
                            clearedTs: string | null;
                            clearedAt: string | null;
                            clearedBy: string | null;
                            clearValue: (number | boolean | string) | null;
                            escalations: number;
                            notifications: number;
                            actions: string[];
                            events: {
                                id: number;
                                at: string;
                                /** @enum {string} */
                                kind: "raised" | "escalated" | "renotified" | "acknowledged" | "assigned" | "commented" | "cleared";
                                actorId: string | null;
                                text: string | null;
                                detail: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认告警（停止升级与重复通知） Acknowledge an alarm */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alarm"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 指派告警（userId 为 null 取消指派） Assign an alarm */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alarm"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 评论告警 Comment on an alarm */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alarm"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 手动清除告警 Clear an alarm by hand */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alarm"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook 列表 Webhooks of the enterprise */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Webhook"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 登记 Webhook（签名密钥仅显示一次） Register a webhook (secret shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                        events: ("alarm.raised" | "alarm.cleared" | "alarm.escalated" | "alarm.renotified" | "alarm.acknowledged" | "*")[];
                        secret?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            enterpriseId: string;
                            url: string;
                            events: string[];
                            active: boolean;
                            createdAt: string;
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除 Webhook Remove a webhook */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Webhook"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 投递记录 Delivery log of a webhook */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookDelivery"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工单列表 Cases */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    state?: "open" | "diagnosed" | "onsite" | "concluded" | "closed";
                    deviceId?: string;
                    claim?: "pending" | "accepted" | "rejected" | "any";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ServiceCase"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 开立工单（由告警或由所有者） Open a case (from an alarm, or by the owner) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        alarmId?: string;
                        /** Format: uuid */
                        deviceId?: string;
                        title?: string;
                        description?: string;
                        /** Format: date-time */
                        from?: string;
                        /** Format: date-time */
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 售后服务统计（规范条件 六(一)） After-sales statistics per enterprise */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseStatistics"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工单详情 One case with its history and the fault taxonomy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceCaseDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 远程诊断：从工单向设备下发命令 Send a command to the case’s device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        method: string;
                        params?: {
                            [key: string]: (number | boolean | string) | null;
                        };
                        timeoutSec?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            deviceId: string;
                            caseId: string | null;
                            method: string;
                            params: {
                                [key: string]: number | boolean | string;
                            };
                            /** @enum {string} */
                            state: "sent" | "replied" | "failed" | "timeout";
                            sentAt: string;
                            timeoutAt: string;
                            settledAt: string | null;
                            reply: unknown;
                            error: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/diagnosis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 诊断（故障分类） Diagnose */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        faultCode: string;
                        diagnosis: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/visit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记现场服务 Record the on-site visit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date: string;
                        technician: string;
                        findings: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记更换的零部件 Record replaced parts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        parts: {
                            name: string;
                            partNo?: string;
                            quantity: number;
                            removedSerial?: string;
                            newSerial?: string;
                            costCny?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 受理或拒绝质保索赔 Accept or reject the warranty claim */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "accepted" | "rejected";
                        reason: string;
                        costCny?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/conclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结论（可建议在役再制造） Conclude (may recommend remanufacture) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        conclusion: string;
                        /** @enum {string} */
                        outcome: "repaired" | "parts_replaced" | "no_fault_found" | "remanufacture" | "upgrade";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 所有者评价服务 The owner rates the service */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rating: number;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceCase"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/commands/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 设备可接受的命令 Methods the device accepts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                method: string;
                                label: {
                                    zh: string;
                                    en: string;
                                };
                                params: {
                                    name: string;
                                    /** @enum {string} */
                                    type: "integer" | "number" | "boolean" | "string";
                                    required: boolean;
                                    min?: number;
                                    max?: number;
                                    values?: string[];
                                    label: {
                                        zh: string;
                                        en: string;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 设备的命令记录 Commands sent to the device */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    caseId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DeviceCommand"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 向设备下发命令（MQTT 请求/应答，超时） Send a command to the device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        method: string;
                        params?: {
                            [key: string]: (number | boolean | string) | null;
                        };
                        timeoutSec?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeviceCommand"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/commands/{commandId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一条命令及其应答 One command and its reply */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    commandId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeviceCommand"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/attributes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 设备属性（设备经 MQTT …/attributes 上报的最新状态） Device attributes (latest state reported over MQTT) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeviceAttributes"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mqtt/auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 外部 MQTT 代理：设备连接认证 External MQTT broker: authenticate a device (EMQX / mosquitto-go-auth) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username?: string;
                        password?: string;
                        clientid?: string;
                        clientId?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MqttBrokerAnswer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mqtt/superuser": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 外部 MQTT 代理：是否为平台自身账号 External MQTT broker: is this the platform’s own account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username?: string;
                        password?: string;
                        clientid?: string;
                        clientId?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MqttBrokerAnswer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mqtt/acl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 外部 MQTT 代理：主题授权 External MQTT broker: may this device publish/subscribe on this topic */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username?: string;
                        clientid?: string;
                        clientId?: string;
                        topic: string;
                        /** @enum {string} */
                        action?: "publish" | "subscribe" | "all";
                        acc?: number;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MqttBrokerAnswer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一站式检索（公告企业、公告、公示、标准、政策、示范单位、检测机构、商品、产品） One search across the public data */
        get: {
            parameters: {
                query: {
                    q: string;
                    type?: string | string[];
                    region?: string;
                    field?: string;
                    year?: number;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                type: "enterprise" | "announcement" | "notice" | "standard" | "policy" | "demoUnit" | "testingOrg" | "listing" | "product" | "catalogue";
                                title: string;
                                url: string;
                                /** @description HTML-escaped excerpt; the query words are wrapped in <mark> */
                                snippet: string;
                                score: number;
                            }[];
                            total: number;
                            capped: boolean;
                            page: number;
                            pageSize: number;
                            terms: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/search/suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检索联想（标题前缀） Suggestions as one types (title words, last one a prefix) */
        get: {
            parameters: {
                query: {
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                type: "enterprise" | "announcement" | "notice" | "standard" | "policy" | "demoUnit" | "testingOrg" | "listing" | "product" | "catalogue";
                                title: string;
                                url: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/search/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重建检索索引（幂等） Rebuild the search index from every source (idempotent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            written: number;
                            removed: number;
                            counts: {
                                /** @enum {string} */
                                type: "enterprise" | "announcement" | "notice" | "standard" | "policy" | "demoUnit" | "testingOrg" | "listing" | "product" | "catalogue";
                                n: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AnnualReportFormInput: {
            cover?: {
                enterpriseName?: string;
                address?: string;
                contactName?: string;
                contactTitle?: string;
                mobile?: string;
                fax?: string;
                officePhone?: string;
                email?: string;
                compiledOn?: string;
            };
            outline?: {
                s1_compliance?: string;
                s2_operations?: string;
                s3_capability?: string;
            };
            operations?: {
                outputValue?: number | null;
            };
            table21?: {
                e1?: string;
                e2?: string;
                e3?: string;
                e4?: string;
                e5?: string;
                e6?: string;
                e7?: string;
            };
            sites?: {
                /** @default  */
                siteId: string;
                siteName?: string;
                table23?: {
                    recovery?: {
                        total?: number | null;
                        rows?: {
                            name?: string;
                            model?: string;
                            source?: string;
                            count?: number | null;
                        }[];
                    };
                    reman?: {
                        total?: number | null;
                        rows?: {
                            name?: string;
                            model?: string;
                            /** @enum {string} */
                            field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | "other";
                            count?: number | null;
                        }[];
                    };
                    sales?: {
                        total?: number | null;
                        rows?: {
                            name?: string;
                            model?: string;
                            buyer?: string;
                            count?: number | null;
                        }[];
                    };
                };
                facts?: string;
                outputValue?: number | null;
            }[];
            figures?: {
                employees?: number | null;
                collegeEducated?: number | null;
                rdStaff?: number | null;
                rdSpending?: number | null;
                previousYearRevenue?: number | null;
            };
        };
        ThingModelMetricInput: {
            key: string;
            name: {
                zh: string;
                en: string;
            };
            unit: string | null;
            /** @enum {string} */
            type: "number" | "boolean" | "string";
            min?: number | null;
            max?: number | null;
            meaning?: string | null;
        };
        Authority: {
            id: string;
            /** @enum {string} */
            kind: "ministry" | "province" | "plan_city" | "xpcc";
            regionCode: string | null;
            name: string;
            nameEn: string;
        };
        Enterprise: {
            id: string;
            name: string;
            creditCode: string;
            creditCodeOverride: boolean;
            regionCode: string;
            regionName: string;
            address: string;
            postalCode: string | null;
            website: string | null;
            legalRepresentative: string;
            contactName: string;
            contactPhone: string;
            contactEmail: string | null;
            /** @enum {string} */
            enterpriseType: "state_owned" | "collective" | "private" | "sino_foreign_jv" | "hk_macao_taiwan" | "wholly_foreign";
            /** @enum {string} */
            listingStatus: "domestic" | "overseas" | "none";
            parentId: string | null;
            parentName: string | null;
            authority: {
                id: string;
                name: string;
            };
            siteCount: number;
            createdAt: string;
            updatedAt: string;
        };
        Site: {
            id: string;
            enterpriseId: string;
            name: string;
            address: string;
            regionCode: string;
            regionName: string;
            createdAt: string;
            updatedAt: string;
        };
        Expert: {
            id: string;
            name: string;
            organization: string;
            title: string;
            fields: ("construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment")[];
            phone: string | null;
            email: string | null;
            affiliatedEnterpriseId: string | null;
            createdAt: string;
        };
        Me: {
            id: string;
            username: string;
            displayName: string;
            /** @enum {string} */
            role: "enterprise_staff" | "enterprise_admin" | "authority_reviewer" | "authority_admin" | "ministry_officer" | "ministry_admin" | "expert" | "buyer_admin" | "buyer_staff" | "testing_org_staff" | "testing_org_admin" | "insurer_admin" | "insurer_staff";
            mustChangePassword: boolean;
            organization: {
                id: string;
                /** @enum {string} */
                kind: "enterprise" | "authority" | "expert" | "buyer" | "insurer" | "testing_org";
                name: string;
            };
        };
        User: {
            id: string;
            username: string;
            displayName: string;
            /** @enum {string} */
            role: "enterprise_staff" | "enterprise_admin" | "authority_reviewer" | "authority_admin" | "ministry_officer" | "ministry_admin" | "expert" | "buyer_admin" | "buyer_staff" | "testing_org_staff" | "testing_org_admin" | "insurer_admin" | "insurer_staff";
            organization: {
                id: string;
                /** @enum {string} */
                kind: "enterprise" | "authority" | "expert" | "buyer" | "insurer" | "testing_org";
                name: string;
            };
            disabled: boolean;
            mustChangePassword: boolean;
            lockedUntil: string | null;
            lastLoginAt: string | null;
            createdAt: string;
        };
        AnnouncementBatch: {
            id: string;
            batchNo: number;
            docNumber: string;
            announcedOn: string;
            title: string;
            entries: {
                seq: number;
                regionCode: string;
                regionName: string;
                enterpriseName: string;
                creditCode: string;
                siteName: string;
                fields: string[];
                status: string;
                revokedOn: string | null;
                history: {
                    on: string;
                    fact: string;
                    old: string;
                    new: string;
                }[];
            }[];
        };
        ApplicationSummary: {
            id: string;
            enterpriseId: string;
            enterpriseName: string;
            siteId: string;
            siteName: string;
            authority: {
                id: string;
                name: string;
            };
            /** @enum {string} */
            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "expert_review" | "onsite_check" | "ready_for_notice" | "in_notice" | "notice_passed" | "announced" | "rejected" | "withdrawn" | "closed";
            version: number;
            fields: string[];
            submittedAt: string | null;
            updatedAt: string;
            /** @enum {string|null} */
            awaiting: "enterprise" | "authority" | "ministry" | "expert" | null;
            missingCount: number | null;
            /** @enum {string|null} */
            myOpinion?: "pending" | "submitted" | null;
        };
        ApplicationDetail: {
            id: string;
            enterpriseId: string;
            enterpriseName: string;
            siteId: string;
            siteName: string;
            authority: {
                id: string;
                name: string;
            };
            /** @enum {string} */
            state: "draft" | "submitted" | "returned" | "provincial_rejected" | "forwarded" | "expert_review" | "onsite_check" | "ready_for_notice" | "in_notice" | "notice_passed" | "announced" | "rejected" | "withdrawn" | "closed";
            version: number;
            fields: string[];
            submittedAt: string | null;
            updatedAt: string;
            /** @enum {string|null} */
            awaiting: "enterprise" | "authority" | "ministry" | "expert" | null;
            missingCount: number | null;
            /** @enum {string|null} */
            myOpinion?: "pending" | "submitted" | null;
            form: {
                [key: string]: unknown;
            };
            derived: {
                [key: string]: unknown;
            };
            check: {
                results: {
                    ruleId: string;
                    clause: string;
                    /** @enum {string} */
                    outcome: "pass" | "fail" | "review";
                    evidence: {
                        [key: string]: unknown;
                    };
                    messageZh: string;
                    messageEn: string;
                }[];
                flags?: {
                    id: string;
                    ref: string;
                    messageZh: string;
                    messageEn: string;
                    evidence: {
                        [key: string]: unknown;
                    };
                }[];
                summary: {
                    pass: number;
                    fail: number;
                    review: number;
                };
                rulesVersion: string;
                asOf: string;
            };
            missing: {
                path: string;
                zh: string;
                en: string;
            }[];
            attachments: {
                id: string;
                slot: string;
                filename: string;
                sha256: string;
                mime: string;
                size: number;
                revision: number;
                replacesId: string | null;
                formVersion: number;
                uploadedAt: string;
                supersededAt: string | null;
            }[];
            provincialOpinion: ({
                opinion?: string;
                handler?: string;
                head?: string;
                date?: string;
                filler?: string;
                phone?: string;
                email?: string;
            } & {
                [key: string]: unknown;
            }) | null;
            outcomeReason: string | null;
            events: {
                event: string;
                fromState: string;
                toState: string;
                actorRole: string | null;
                note: unknown;
                at: string;
            }[];
            versions: {
                version: number;
                submittedAt: string;
            }[];
            experts: {
                expertId: string;
                name: string;
                organization: string;
                submitted: boolean;
                opinion: ({
                    chapters?: {
                        [key: string]: string;
                    };
                    chapterTitles?: {
                        [key: string]: string;
                    };
                    /** @enum {string} */
                    recommendation?: "approve" | "revise" | "reject";
                    comment?: string;
                } & {
                    [key: string]: unknown;
                }) | null;
            }[];
            onsiteChecks: {
                id: string;
                team: string[];
                date: string;
                findings: {
                    [key: string]: string;
                };
                photoIds: string[];
                conclusion: string;
                recordedAt: string;
            }[];
            actions: ("submit" | "return_for_supplement" | "provincial_reject" | "forward" | "assign_experts" | "record_opinion" | "complete_expert_review" | "record_onsite_pass" | "add_to_notice" | "uphold_objection" | "close_notice" | "announce" | "reject" | "withdraw" | "close_on_revocation" | "edit")[];
            /** @description offered actions that cannot be taken yet, with the reason (the button is disabled and says why) */
            blocked: {
                action: string;
                code: string;
                message: string;
                messageEn: string;
                done: number | null;
                of: number | null;
            }[];
        };
        Notice: {
            id: string;
            title: string;
            startDate: string;
            endDate: string;
            workingDays: number | null;
            status: string;
            entries: {
                id: string;
                seq: number;
                status: string;
                applicationId: string;
                enterpriseName: string;
                creditCode: string;
                regionCode: string;
                regionName: string;
                siteName: string;
                fields: string[];
            }[];
        };
        ObjectionTrack: {
            trackingCode: string;
            notice: {
                id: string;
                title: string;
                startDate: string;
                endDate: string;
                status: string;
            };
            enterpriseName: string;
            siteName: string;
            filedAt: string;
            /** @enum {string} */
            status: "pending" | "upheld" | "dismissed";
            resolution: string | null;
            resolvedAt: string | null;
        };
        ChangeRequest: {
            id: string;
            enterpriseId: string;
            enterpriseName: string;
            authorityId: string;
            siteId: string | null;
            items: {
                fact: string;
                factZh: string;
                factEn: string;
                old: string;
                new: string;
            }[];
            changeDate: string;
            deadline: string;
            overdue: boolean;
            overdueFlagged: boolean;
            description: string;
            attachments: {
                sha256: string;
                mime: string;
                size: number;
            }[];
            state: string;
            checkOpinion: string | null;
            checkedOn: string | null;
            confirmOpinion: string | null;
            confirmedOn: string | null;
            publishedOn: string | null;
            experts?: {
                expertId: string;
                name: string;
                organization: string;
                submitted: boolean;
                opinion: ({
                    conclusion?: string;
                    chapters?: {
                        [key: string]: string;
                    };
                    chapterTitles?: {
                        [key: string]: string;
                    };
                    comment?: string;
                } & {
                    [key: string]: unknown;
                }) | null;
            }[];
            createdAt: string;
            actions: string[];
        };
        PublicChangeNotice: {
            id: string;
            enterpriseName: string;
            items: {
                factZh: string;
                factEn: string;
                old: string;
                new: string;
            }[];
            changeDate: string;
            confirmedOn: string;
            publishedOn: string;
        };
        SupervisionFinding: {
            id: string;
            enterpriseId: string;
            enterpriseName: string;
            authorityId: string;
            kind: string;
            clause: string;
            ground: string;
            groundClause: string;
            groundZh: string;
            summary: string;
            summaryEn: string;
            subjectType: string | null;
            subjectId: string | null;
            details: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            state: "open" | "dismissed";
            raisedAt: string;
            dismissedReason: string | null;
            dismissedAt: string | null;
            actions: string[];
        };
        RevocationCase: {
            id: string;
            enterpriseId: string;
            enterpriseName: string;
            authorityId: string;
            /** @enum {string} */
            origin: "provincial_request" | "ministry" | "complaint";
            complaintId: string | null;
            grounds: {
                key: string;
                clause: string;
                zh: string;
                en: string;
            }[];
            facts: string;
            evidence: {
                sha256: string;
                mime: string;
                size: number;
            }[];
            state: string;
            noticeText: string | null;
            noticeSentOn: string | null;
            relayedOn: string | null;
            statementWorkingDays: number | null;
            notifiedOn: string | null;
            statementDue: string | null;
            statement: string | null;
            statementFiles: {
                sha256: string;
                mime: string;
                size: number;
            }[];
            statementOn: string | null;
            hearingSummary: string | null;
            decisionReason: string | null;
            decidedOn: string | null;
            rectificationState: string | null;
            rectificationText: string | null;
            rectificationFiles: {
                sha256: string;
                mime: string;
                size: number;
            }[];
            rectificationOpinion: string | null;
            rectificationAcceptedOn: string | null;
            reapplyFrom: string | null;
            createdAt: string;
            actions: string[];
        };
        ComplaintPublic: {
            trackingCode: string;
            subject: string;
            enterpriseName: string;
            state: string;
            stateZh: string;
            stateEn: string;
            anonymous: boolean;
            filedAt: string;
            concludedOn: string | null;
            outcome: string | null;
        };
        Complaint: {
            trackingCode: string;
            subject: string;
            enterpriseName: string;
            state: string;
            stateZh: string;
            stateEn: string;
            anonymous: boolean;
            filedAt: string;
            concludedOn: string | null;
            outcome: string | null;
            id: string;
            enterpriseId: string | null;
            authorityId: string | null;
            facts: string;
            contact: string | null;
            evidenceCount: number;
            filedByUser: boolean;
            revocationCaseId: string | null;
            actions: string[];
        };
        AnnualReportForm: {
            cover?: {
                enterpriseName?: string;
                address?: string;
                contactName?: string;
                contactTitle?: string;
                mobile?: string;
                fax?: string;
                officePhone?: string;
                email?: string;
                compiledOn?: string;
            };
            outline?: {
                s1_compliance?: string;
                s2_operations?: string;
                s3_capability?: string;
            };
            operations?: {
                outputValue?: number | null;
            };
            table21?: {
                e1?: string;
                e2?: string;
                e3?: string;
                e4?: string;
                e5?: string;
                e6?: string;
                e7?: string;
            };
            sites?: {
                /** @default  */
                siteId: string;
                siteName?: string;
                table23?: {
                    recovery?: {
                        total?: number | null;
                        rows?: {
                            name?: string;
                            model?: string;
                            source?: string;
                            count?: number | null;
                        }[];
                    };
                    reman?: {
                        total?: number | null;
                        rows?: {
                            name?: string;
                            model?: string;
                            /** @enum {string} */
                            field?: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | "other";
                            count?: number | null;
                        }[];
                    };
                    sales?: {
                        total?: number | null;
                        rows?: {
                            name?: string;
                            model?: string;
                            buyer?: string;
                            count?: number | null;
                        }[];
                    };
                };
                facts?: string;
                outputValue?: number | null;
            }[];
            figures?: {
                employees?: number | null;
                collegeEducated?: number | null;
                rdStaff?: number | null;
                rdSpending?: number | null;
                previousYearRevenue?: number | null;
            };
        };
        AnnualReportOwed: {
            reportId: string | null;
            enterpriseId: string;
            enterpriseName: string;
            siteId: string;
            siteName: string;
            sites: {
                siteId: string;
                siteName: string;
                regionName: string;
                authorityId: string;
            }[];
            regionCode: string;
            regionName: string;
            authorityId: string;
            year: number;
            announcedOn: string;
            state: string;
            open: boolean;
            overdue: boolean;
            late: boolean;
            dueOn: string;
            submittedOn: string | null;
            totals: {
                recovered: number | null;
                remanufactured: number | null;
                sold: number | null;
            };
        };
        AnnualReport: {
            id: string;
            enterpriseId: string;
            enterpriseName: string;
            siteId: string;
            siteName: string;
            sites: {
                siteId: string;
                siteName: string;
                authorityId: string;
            }[];
            year: number;
            state: string;
            opensOn: string;
            dueOn: string;
            overdue: boolean;
            late: boolean;
            submittedAt: string | null;
            submittedOn: string | null;
            updatedAt: string;
            returnReason: string | null;
            auditOpinion: string | null;
            reviewedAt: string | null;
            forwardedAt: string | null;
            ministryOpinion: string | null;
            ministryReviewedAt: string | null;
            onsiteInspection: {
                date: string;
                note: string;
            } | null;
            form: components["schemas"]["AnnualReportForm"];
            missing: {
                field: string;
                message: string;
                messageEn: string;
            }[];
            partsOnly: boolean;
            totals: {
                recovered: number | null;
                remanufactured: number | null;
                sold: number | null;
            };
            can: {
                edit: boolean;
                submit: boolean;
                review: boolean;
                ministryReview: boolean;
            };
        };
        AnnualReportImportJob: {
            id: string;
            reportId: string;
            /** @enum {string} */
            status: "running" | "done" | "failed";
            processed: number;
            total: number;
            errors: {
                sheet: string;
                row: number;
                column: string;
                reason: string;
                reasonEn: string;
            }[];
        };
        IndustryStatistics: {
            scope: {
                /** @enum {string} */
                kind: "national" | "authority";
                authorityId: string | null;
                name: string;
            };
            year: number | null;
            years: number[];
            announced: {
                enterprises: number;
                sites: number;
                byRegion: {
                    regionCode: string;
                    regionName: string;
                    enterprises: number;
                    sites: number;
                }[];
                byField: {
                    field: string;
                    enterprises: number;
                }[];
                /** @description a provincial authority: its announced enterprises by city (GB/T 2260 prefecture, named from addresses); national: empty */
                byCity: {
                    regionCode: string;
                    regionName: string;
                    enterprises: number;
                }[];
            };
            totals: {
                /** @description reviewed reports, each counted once: in the enterprise’s registered province and authority */
                reports: number;
                /** @description site parts (表2-3 per announced site), each in its site’s province and authority */
                sites: number;
                recovered: number;
                remanufactured: number;
                sold: number;
                /** @description 再制造产值 counted here, 万元 (a site’s stated share in the site’s region, the rest in the registered one) */
                outputValue: number;
            };
            byRegion: {
                /** @description reviewed reports, each counted once: in the enterprise’s registered province and authority */
                reports: number;
                /** @description site parts (表2-3 per announced site), each in its site’s province and authority */
                sites: number;
                recovered: number;
                remanufactured: number;
                sold: number;
                /** @description 再制造产值 counted here, 万元 (a site’s stated share in the site’s region, the rest in the registered one) */
                outputValue: number;
                regionCode: string;
                regionName: string;
            }[];
            byField: {
                field: string;
                remanufactured: number;
            }[];
            trend: {
                /** @description reviewed reports, each counted once: in the enterprise’s registered province and authority */
                reports: number;
                /** @description site parts (表2-3 per announced site), each in its site’s province and authority */
                sites: number;
                recovered: number;
                remanufactured: number;
                sold: number;
                /** @description 再制造产值 counted here, 万元 (a site’s stated share in the site’s region, the rest in the registered one) */
                outputValue: number;
                year: number;
            }[];
            /** @description 再制造产值 per year: the sum of 本年度再制造产值（万元） over the reviewed annual reports */
            outputValue: {
                year: number;
                /** @description reports that state it */
                reports: number;
                /** @description 万元 (10,000 CNY) */
                outputValue: number;
            }[];
            /** @description the selected year’s 再制造产值 by province */
            valueByRegion: {
                regionCode: string;
                regionName: string;
                /** @description 万元 */
                outputValue: number;
                reports: number;
            }[];
            /** @description 再制造产值 by field: a value goes to a field when the 再制造情况 rows it covers name one field (docs/annual-reports.md) */
            valueByField: {
                /** @description a report field, cross_field (跨领域, not split), unspecified or (public) pooled */
                field: string;
                /** @description 万元 */
                outputValue: number;
                reports: number;
            }[];
        };
        PublicIndustryStatistics: {
            announced: {
                enterprises: number;
                sites: number;
            };
            year: number | null;
            totals: {
                /** @description reviewed reports, each counted once: in the enterprise’s registered province and authority */
                reports: number;
                /** @description site parts (表2-3 per announced site), each in its site’s province and authority */
                sites: number;
                recovered: number;
                remanufactured: number;
                sold: number;
                /** @description 再制造产值 counted here, 万元 (a site’s stated share in the site’s region, the rest in the registered one) */
                outputValue: number;
            };
            trend: {
                /** @description reviewed reports, each counted once: in the enterprise’s registered province and authority */
                reports: number;
                /** @description site parts (表2-3 per announced site), each in its site’s province and authority */
                sites: number;
                recovered: number;
                remanufactured: number;
                sold: number;
                /** @description 再制造产值 counted here, 万元 (a site’s stated share in the site’s region, the rest in the registered one) */
                outputValue: number;
                year: number;
            }[];
            /** @description 再制造产值 per year: the sum of 本年度再制造产值（万元） over the reviewed annual reports */
            outputValue: {
                year: number;
                /** @description reports that state it */
                reports: number;
                /** @description 万元 (10,000 CNY) */
                outputValue: number;
            }[];
            /** @description the latest year’s 再制造产值 by province and by field; a cell of fewer than 3 enterprises is pooled (regionCode/field "pooled") */
            value: {
                year: number;
                byRegion: {
                    regionCode: string;
                    regionName: string;
                    /** @description 万元 */
                    outputValue: number;
                    reports: number;
                }[];
                /** @description 再制造产值 by field: a value goes to a field when the 再制造情况 rows it covers name one field (docs/annual-reports.md) */
                byField: {
                    /** @description a report field, cross_field (跨领域, not split), unspecified or (public) pooled */
                    field: string;
                    /** @description 万元 */
                    outputValue: number;
                    reports: number;
                }[];
            } | null;
            /** @description 交易服务: remanufactured units sold (delivered) on the platform market and their value, last year and this year (Asia/Shanghai) */
            traded: {
                year: number;
                units: number;
                /** @description CNY */
                valueCny: number;
            }[];
        };
        TraceProductSummary: {
            code: string;
            epc: string;
            gtin: string | null;
            digitalLink: string | null;
            verifyPath: string;
            enterpriseId: string;
            enterpriseName: string;
            name: string;
            model: string | null;
            serial: string;
            life: number;
            /** @enum {string} */
            status: "issued" | "revoked" | "recalled";
            state: string;
            productionDate: string;
            standardNo: string | null;
            warrantyMonths: number | null;
            massRate: number | null;
            valueRate: number | null;
            formulaVersion: string | null;
            bizLocation: string | null;
            siteId: string | null;
        };
        TraceProductDetail: {
            code: string;
            epc: string;
            gtin: string | null;
            digitalLink: string | null;
            verifyPath: string;
            enterpriseId: string;
            enterpriseName: string;
            name: string;
            model: string | null;
            serial: string;
            life: number;
            /** @enum {string} */
            status: "issued" | "revoked" | "recalled";
            state: string;
            productionDate: string;
            standardNo: string | null;
            warrantyMonths: number | null;
            massRate: number | null;
            valueRate: number | null;
            formulaVersion: string | null;
            bizLocation: string | null;
            siteId: string | null;
            lives: {
                life: number;
                productCode: string | null;
                productionDate: string | null;
            }[];
            remanufacturedTimes: number;
            originalComponents: {
                key: string;
                name: string | null;
                kind: string;
            }[];
            inputs: {
                key: string;
                name: string | null;
                origin: string | null;
                quantity: number;
                massKg: number | null;
                valueCny: number | null;
            }[];
            steps: {
                eventId: string;
                time: string;
                kind: string;
                label: {
                    zh: string;
                    en: string;
                };
                bizStep: string | null;
                disposition: string | null;
                objectKey: string;
                erroneous: boolean;
            }[];
            owner: {
                id: string;
                name: string | null;
            } | null;
            possessor: {
                id: string;
                name: string | null;
            } | null;
            installation: {
                location: string;
                equipment: string | null;
                time: string;
            } | null;
            enterpriseAddress: string;
        };
        TraceStepResult: {
            step: string;
            eventIds: string[];
            eventTime: string;
            epcs: string[];
            product?: components["schemas"]["TraceProductSummary"];
            parts?: {
                epc: string;
                name: string;
            }[];
            coreEpc?: string;
            projectionQuarantined?: string;
        };
        TraceTree: {
            root: {
                key: string;
                /** @enum {string} */
                kind: "core" | "part" | "product" | "lot" | "other";
                name: string | null;
                productCode: string | null;
                life: number | null;
            };
            /** @enum {string} */
            direction: "up" | "down";
            depth: number;
            at: string;
            nodes: {
                key: string;
                /** @enum {string} */
                kind: "core" | "part" | "product" | "lot" | "other";
                name: string | null;
                productCode: string | null;
                life: number | null;
                depth: number;
            }[];
            edges: {
                parent: string;
                child: string;
                /** @enum {string} */
                kind: "transformation" | "aggregation" | "disassembly";
                /**
                 * @description input: parent was made of child · contained: parent holds child · disassembled_from: parent (a part) was taken out of child (a core)
                 * @enum {string}
                 */
                relation: "input" | "contained" | "disassembled_from";
                eventId: string;
                validFrom: string;
                validTo: string | null;
            }[];
            /** @description upstream: the keys the root was made of (its composition, through earlier lives), without the cores parts were taken out of */
            madeOf: string[];
            /** @description upstream: the cores (and earlier-life products) the root's parts were taken out of */
            provenance: string[];
            truncated: boolean;
        };
        TraceRecallTargets: {
            items: {
                key: string;
                /** @enum {string} */
                kind: "lot" | "core" | "part" | "product";
                name: string | null;
                productCode: string | null;
                /** @description the text is the identifier's lot number, serial or product code (not a name match) */
                exact: boolean;
                /**
                 * @description the recall parameter to pass the key as
                 * @enum {string}
                 */
                by: "lot" | "core";
            }[];
        };
        TraceRecall: {
            query: {
                lot?: string;
                core?: string;
            };
            items: {
                code: string;
                name: string;
                model: string | null;
                serial: string;
                life: number;
                /** @enum {string} */
                status: "issued" | "revoked" | "recalled";
                state: string;
                productionDate: string;
                owner: string | null;
                possessor: string | null;
                installation: string | null;
                enterpriseName: string;
                /** @description the codes (earlier lives of this unit included) through which the lot or core reached it; code is the unit's current one */
                matchedCodes: string[];
            }[];
        };
        PublicProduct: {
            code: string;
            /** @description true only for status issued: 正品 · 编码有效 */
            genuine: boolean;
            /**
             * @description superseded: the unit was remanufactured into the successor product; disassembled: taken in as a core and disassembled
             * @enum {string}
             */
            status: "issued" | "recalled" | "revoked" | "superseded" | "disassembled";
            statusLabel: {
                zh: string;
                en: string;
            };
            /** @description the product this unit became (status superseded) */
            successor: {
                code: string;
                verifyPath: string;
            } | null;
            enterprise: {
                name: string;
                announced: boolean;
            };
            name: string;
            model: string | null;
            productionDate: string;
            standardNo: string | null;
            warrantyMonths: number | null;
            life: number;
            massRate: number | null;
            valueRate: number | null;
            formulaVersion: string | null;
            steps: {
                date: string;
                kind: string;
                label: {
                    zh: string;
                    en: string;
                };
            }[];
        };
        Job: {
            id: number;
            task: string;
            /** @enum {string} */
            state: "queued" | "running" | "succeeded" | "failed" | "discarded";
            attempts: number;
            maxAttempts: number;
            lastError: string | null;
            key: string | null;
            runAt: string;
            done: number | null;
            total: number | null;
            createdAt: string;
            updatedAt: string;
            startedAt: string | null;
            finishedAt: string | null;
        };
        BuyerRegistration: {
            organization: {
                id: string;
                name: string;
                creditCode: string;
                /** @enum {string} */
                kind: "buyer" | "insurer";
            };
            user: {
                id: string;
                username: string;
                /** @enum {string} */
                role: "buyer_admin" | "insurer_admin";
            };
        };
        BuyerOrg: {
            id: string;
            name: string;
            creditCode: string;
            /** @enum {string} */
            kind: "buyer" | "insurer";
            contactName: string;
            createdAt: string;
        };
        ListingSummary: {
            id: string;
            title: string;
            priceCny: number;
            newReferencePriceCny: number | null;
            savingVsNew: number | null;
            /** @enum {string} */
            status: "active" | "sold" | "withdrawn";
            statusReason: string | null;
            productCode: string;
            productName: string;
            model: string | null;
            /** @enum {string|null} */
            field: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | null;
            unitsAvailable: number;
            enterprise: {
                id: string;
                name: string;
                announced: boolean;
                regionCode: string;
                regionName: string;
                quality: {
                    ratings: number;
                    meanUnitScore: number | null;
                    meanSellerScore: number | null;
                    unitsDelivered: number;
                    warrantyClaims: number;
                    claimsAccepted: number;
                    claimRatePct: number | null;
                } | null;
            };
            rates: {
                massRate: number | null;
                valueRate: number | null;
            };
            life: number;
            warrantyMonths: number | null;
            snippet: string | null;
            createdAt: string;
        };
        ListingDetail: {
            id: string;
            title: string;
            priceCny: number;
            newReferencePriceCny: number | null;
            savingVsNew: number | null;
            /** @enum {string} */
            status: "active" | "sold" | "withdrawn";
            statusReason: string | null;
            productCode: string;
            productName: string;
            model: string | null;
            /** @enum {string|null} */
            field: "construction_machinery" | "machine_tools" | "heavy_machinery" | "petrochemical_general_machinery" | "internal_combustion_engines" | "electrical_equipment" | "agricultural_machinery" | "basic_mechanical_parts" | "office_equipment" | null;
            unitsAvailable: number;
            enterprise: {
                id: string;
                name: string;
                announced: boolean;
                regionCode: string;
                regionName: string;
                quality: {
                    ratings: number;
                    meanUnitScore: number | null;
                    meanSellerScore: number | null;
                    unitsDelivered: number;
                    warrantyClaims: number;
                    claimsAccepted: number;
                    claimRatePct: number | null;
                } | null;
            };
            rates: {
                massRate: number | null;
                valueRate: number | null;
            };
            life: number;
            warrantyMonths: number | null;
            snippet: string | null;
            createdAt: string;
            description: string;
            units: {
                productCode: string;
                /** @enum {string} */
                status: "available" | "reserved" | "sold" | "withdrawn";
            }[];
            verified: components["schemas"]["PublicProduct"] | null;
            actions: string[];
        };
        DeviceCredentials: {
            clientId: string;
            username: string;
            password: string;
        };
        ThingModelMetric: {
            key: string;
            name: {
                zh: string;
                en: string;
            };
            unit: string | null;
            /** @enum {string} */
            type: "number" | "boolean" | "string";
            min?: number | null;
            max?: number | null;
            meaning?: string | null;
        };
        Device: {
            id: string;
            enterpriseId: string;
            productCode: string;
            productModel: string | null;
            name: string;
            clientId: string;
            /** @enum {string} */
            status: "active" | "revoked";
            online: boolean;
            lastSeenAt: string | null;
            pointsStored: number;
            pointsRefused: number;
            messagesRefused: number;
            createdAt: string;
            revokedAt: string | null;
            regionCode: string | null;
            manufacturerAccess: boolean;
            actions: string[];
        };
        DeviceDetail: {
            id: string;
            enterpriseId: string;
            productCode: string;
            productModel: string | null;
            name: string;
            clientId: string;
            /** @enum {string} */
            status: "active" | "revoked";
            online: boolean;
            lastSeenAt: string | null;
            pointsStored: number;
            pointsRefused: number;
            messagesRefused: number;
            createdAt: string;
            revokedAt: string | null;
            regionCode: string | null;
            manufacturerAccess: boolean;
            actions: string[];
            product: {
                name: string;
                model: string | null;
                status: string;
                productionDate: string;
                warrantyMonths: number | null;
                ownerName: string | null;
                possessorName: string | null;
            } | null;
            thingModel: {
                metrics: components["schemas"]["ThingModelMetric"][];
            } | null;
            recentErrors: {
                at: string;
                channel: string;
                code: string;
                message: string;
                messageEn: string;
            }[];
        };
        ProvisionedDevice: {
            device: components["schemas"]["Device"];
            credentials: components["schemas"]["DeviceCredentials"];
        };
        BulkProvisioned: {
            fileName: string;
            provisioned: number;
            devices: {
                row: number;
                device: components["schemas"]["Device"];
                credentials: components["schemas"]["DeviceCredentials"];
            }[];
            mqtt: {
                url: string | null;
                port: number | null;
            } | null;
        };
        TelemetrySeries: {
            deviceId: string;
            from: string;
            to: string;
            /** @enum {string} */
            resolution: "raw" | "1m" | "1h";
            downsampled: boolean;
            series: {
                [key: string]: (number)[][];
            };
        };
        TelemetryLatest: {
            deviceId: string;
            online: boolean;
            lastSeenAt: string | null;
            values: {
                [key: string]: {
                    ts: number;
                    value: (number | string) | null;
                };
            };
        };
        IngestResult: {
            stored: number;
            duplicates: number;
            refused: number;
            errors: {
                code: string;
                message: string;
                messageEn: string;
                index?: number;
                key?: string;
            }[];
        };
        ThingModel: {
            productModel: string;
            template: string | null;
            metrics: components["schemas"]["ThingModelMetric"][];
            updatedAt: string;
        };
        DeviceHealth: {
            deviceId: string;
            healthIndex: number | null;
            rul: {
                value: number;
                /** @enum {string} */
                unit: "h";
                low: number;
                high: number;
            } | null;
            method: string;
            asOf: string | null;
            limiting: string | null;
            indicators: {
                key: string;
                value: number;
                score: number;
                samples: number;
                good: number;
                bad: number;
                label: {
                    zh: string;
                    en: string;
                };
            }[];
            basis: {
                observations: number;
                a: number;
                b: number;
                sdA: number;
                sdB: number;
                failureLevel: number;
                phi: number;
            } | null;
            hoursPerDay: number | null;
        };
        DeviceFleet: {
            asOf: string;
            partial: boolean;
            total: number;
            byModel: {
                model: string;
                count: number;
            }[];
            byRegion: {
                regionCode: string;
                count: number;
            }[];
            byProvince: {
                provinceCode: string;
                count: number;
                meanHealth: number | null;
            }[];
            health: {
                good: number;
                fair: number;
                poor: number;
                critical: number;
                unknown: number;
            };
            forecast: {
                months: {
                    month: string;
                    expected: number;
                    low: number;
                    high: number;
                    fromFailure: number;
                    fromWarrantyEnd: number;
                    byModel: {
                        model: string;
                        expected: number;
                    }[];
                }[];
                later: number;
                withoutEstimate: number;
            };
            devices: {
                deviceId: string;
                name: string;
                model: string | null;
                regionCode: string | null;
                healthIndex: number | null;
                rulHours: number | null;
            }[];
        };
        TradeInRule: {
            baseValueCny: number;
            depreciationPerYear: number;
            floorShare: number;
            hoursPerYear: number;
            coreDepositCny: number;
            returnDays: number;
            /** @enum {string} */
            scope: "model" | "field";
            key: string;
            updatedAt: string;
        };
        TradeInEstimate: {
            model: string;
            /** @enum {string} */
            grade: "A" | "B" | "C" | "D";
            /** @enum {string} */
            declaredGrade: "A" | "B" | "C" | "D";
            /** @enum {string} */
            ruleSource: "model" | "field" | "platform";
            creditCny: number;
            coreDepositCny: number;
            returnDays: number;
            effectiveAgeYears: number;
            ageFactor: number;
            gradeFactor: number;
            record: {
                code: string;
                life: number;
                status: string;
                runningHours: number | null;
            } | null;
        };
        Order: {
            id: string;
            /** @enum {string} */
            status: "inquiry" | "quoted" | "placed" | "confirmed" | "paid" | "delivered" | "accepted" | "disputed" | "cancelled";
            statusLabel: {
                zh: string;
                en: string;
            };
            /** @enum {string} */
            paymentStatus: "unpaid" | "voucher_submitted" | "paid";
            /** @enum {string} */
            paymentTerms: "on_account" | "prepayment";
            listing: {
                id: string;
                title: string;
                productName: string;
                model: string | null;
            };
            seller: {
                id: string;
                name: string;
            };
            buyer: {
                id: string;
                name: string;
            };
            quantity: number;
            unitPriceCny: number;
            totalCny: number;
            creditCny: number;
            depositCny: number;
            payableCny: number;
            paidCny: number;
            message: string | null;
            quoteNote: string | null;
            invoiceNumber: string | null;
            disputeReason: string | null;
            resolution: string | null;
            cancelReason: string | null;
            units: string[];
            deliveredAt: string | null;
            createdAt: string;
            tradeIn: {
                model: string;
                ageYears: number;
                runningHours: number;
                /** @enum {string} */
                declaredGrade: "A" | "B" | "C" | "D";
                /** @enum {string} */
                grade: "A" | "B" | "C" | "D";
                productCode: string | null;
                /** @enum {string} */
                ruleSource: "model" | "field" | "platform";
                creditCny: number;
                depositCny: number;
                returnDays: number;
                dueOn: string | null;
                overdue: boolean;
                /** @enum {string} */
                status: "awaiting_core" | "core_in_transit" | "core_received" | "settled" | "cancelled";
                statusLabel: {
                    zh: string;
                    en: string;
                };
                trackingNo: string | null;
                coreEpc: string | null;
                /** @enum {string|null} */
                finalGrade: "A" | "B" | "C" | "D" | null;
                finalValueCny: number | null;
                refundCny: number | null;
                settledAt: string | null;
            } | null;
            payments: {
                id: string;
                provider: string;
                amountCny: number;
                reference: string | null;
                hasVoucher: boolean;
                /** @enum {string} */
                status: "submitted" | "confirmed" | "rejected";
                note: string | null;
                submittedAt: string;
                decidedAt: string | null;
            }[];
            actions: string[];
        };
        Lease: {
            id: string;
            /** @enum {string} */
            status: "active" | "ended" | "terminated" | "returned" | "purchased";
            statusLabel: {
                zh: string;
                en: string;
            };
            /** @enum {string} */
            kind: "operating" | "finance";
            product: {
                code: string;
                name: string;
                model: string | null;
            };
            lessor: {
                id: string;
                name: string;
            };
            lessee: {
                id: string;
                name: string;
            };
            financier: {
                id: string;
                name: string;
            } | null;
            startOn: string;
            endOn: string;
            months: number;
            depositCny: number;
            /** @enum {string} */
            billing: "fixed" | "usage";
            monthlyRentCny: number | null;
            ratePerHourCny: number | null;
            minimumMonthlyCny: number | null;
            startHours: number;
            /** @enum {string} */
            startHoursSource: "monitoring" | "declared";
            purchasePriceCny: number | null;
            rentsPaidCny: number;
            purchaseBalanceCny: number | null;
            overdueRents: number;
            terminateReason: string | null;
            /** @enum {string|null} */
            returnDisposition: "relet" | "core_intake" | null;
            coreEpc: string | null;
            createdAt: string;
            rents: {
                seq: number;
                periodFrom: string;
                periodTo: string;
                dueOn: string;
                amountCny: number | null;
                purchaseBalanceCny: number;
                readingHours: number | null;
                hours: number | null;
                /** @enum {string|null} */
                readingSource: "monitoring" | "declared" | null;
                /** @enum {string} */
                status: "scheduled" | "billed" | "paid" | "void";
                overdue: boolean;
                paidCny: number | null;
                paidReference: string | null;
                paidAt: string | null;
            }[];
            actions: string[];
        };
        InsurancePolicy: {
            id: string;
            enterpriseId: string;
            enterpriseName: string;
            productCode: string;
            productName: string;
            model: string | null;
            insurer: {
                id: string;
                name: string;
            };
            holder: {
                id: string;
                name: string;
            };
            orderId: string | null;
            leaseId: string | null;
            policyNumber: string;
            coverCny: number;
            coverage: string;
            premiumCny: number;
            startsOn: string;
            endsOn: string;
            active: boolean;
            claims: number;
            paidCny: number;
            createdAt: string;
        };
        InsuranceClaim: {
            caseId: string;
            caseNumber: string;
            enterpriseId: string;
            enterpriseName: string;
            productCode: string;
            title: string;
            description: string | null;
            openedAt: string;
            warrantyUntil: string | null;
            policy: {
                id: string;
                policyNumber: string;
                coverCny: number;
                startsOn: string;
                endsOn: string;
            };
            insurer: {
                id: string;
                name: string;
            };
            /** @enum {string} */
            status: "pending" | "accepted" | "rejected";
            amountCny: number | null;
            reason: string | null;
            decidedAt: string | null;
            actions: "decide"[];
        };
        PublicUnitInsurance: {
            code: string;
            insured: boolean;
            policies: {
                insurerName: string;
                policyNumber: string;
                coverCny: number;
                coverage: string;
                startsOn: string;
                endsOn: string;
                active: boolean;
            }[];
        };
        InsuranceFigures: {
            asOf: string;
            items: {
                enterpriseId: string;
                enterpriseName: string;
                insuredUnits: number;
                policies: number;
                premiumCny: number;
                coverCny: number;
                claims: number;
                claimsPending: number;
                claimsAccepted: number;
                paidCny: number;
            }[];
        };
        TradeRating: {
            orderId: string;
            enterpriseId: string;
            productName: string;
            model: string | null;
            units: number;
            unitScore: number;
            sellerScore: number;
            comment: string;
            createdAt: string;
        };
        MarketStats: {
            from: string;
            to: string;
            /** @enum {string} */
            scope: "all" | "jurisdiction";
            totals: {
                orders: number;
                units: number;
                valueCny: number;
                tradeIns: number;
                tradeInCreditCny: number;
                coresReceived: number;
                leases: number;
                rentToOwn: number;
                leaseValueCny: number;
            };
            byRegion: {
                regionCode: string;
                regionName: string;
                orders: number;
                units: number;
                valueCny: number;
                tradeIns: number;
                tradeInCreditCny: number;
                coresReceived: number;
                leases: number;
                rentToOwn: number;
                leaseValueCny: number;
            }[];
            byField: {
                field: string | null;
                orders: number;
                units: number;
                valueCny: number;
                tradeIns: number;
                tradeInCreditCny: number;
                coresReceived: number;
                leases: number;
                rentToOwn: number;
                leaseValueCny: number;
            }[];
        };
        AlarmRule: {
            id: string;
            enterpriseId: string;
            deviceId: string | null;
            model: string | null;
            name: string | null;
            key: string;
            condition: {
                /** @enum {string} */
                op: ">" | ">=" | "<" | "<=" | "==" | "!=";
                value: number | boolean | string;
            };
            durationSec?: number;
            repeat?: {
                count: number;
                withinSec: number;
            };
            noDataSec?: number;
            /** @enum {string} */
            severity: "WARNING" | "MINOR" | "MAJOR" | "CRITICAL";
            clearHysteresis?: number;
            escalateAfterSec?: number;
            renotifyEverySec?: number;
            version: number;
            createdAt: string;
            updatedAt: string;
            actions: string[];
        };
        Alarm: {
            id: string;
            enterpriseId: string;
            ruleId: string;
            deviceId: string;
            key: string;
            /** @enum {string} */
            cause: "condition" | "noData";
            /** @enum {string} */
            severity: "WARNING" | "MINOR" | "MAJOR" | "CRITICAL";
            /** @enum {string} */
            initialSeverity: "WARNING" | "MINOR" | "MAJOR" | "CRITICAL";
            /** @enum {string} */
            status: "active" | "cleared";
            /** @enum {string} */
            combinedStatus: "ACTIVE_UNACK" | "ACTIVE_ACK" | "CLEARED_UNACK" | "CLEARED_ACK";
            acknowledged: boolean;
            acknowledgedAt: string | null;
            acknowledgedBy: string | null;
            assigneeId: string | null;
            raisedTs: string;
            raisedAt: string;
            raiseValue: (number | boolean | string) | null;
            clearedTs: string | null;
            clearedAt: string | null;
            clearedBy: string | null;
            clearValue: (number | boolean | string) | null;
            escalations: number;
            notifications: number;
            actions: string[];
        };
        Webhook: {
            id: string;
            enterpriseId: string;
            url: string;
            events: string[];
            active: boolean;
            createdAt: string;
        };
        WebhookDelivery: {
            id: string;
            webhookId: string;
            event: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            attempts: number;
            lastStatusCode: number | null;
            lastError: string | null;
            createdAt: string;
            lastAttemptAt: string | null;
            deliveredAt: string | null;
            payload: {
                [key: string]: unknown;
            };
        };
        ServiceCase: {
            id: string;
            number: string;
            enterpriseId: string;
            deviceId: string;
            deviceName: string;
            productCode: string;
            productModel: string | null;
            alarmId: string | null;
            /** @enum {string} */
            origin: "alarm" | "owner" | "enterprise";
            title: string;
            titleEn: string;
            description: string | null;
            /** @enum {string} */
            state: "open" | "diagnosed" | "onsite" | "concluded" | "closed";
            telemetryWindow: {
                from: string;
                to: string;
                keys: string[];
            } | null;
            soldOn: string | null;
            warrantyUntil: string | null;
            warrantyClaim: boolean;
            /** @enum {string|null} */
            claimStatus: "pending" | "accepted" | "rejected" | null;
            claimReason: string | null;
            claimCostCny: number | null;
            faultCode: string | null;
            diagnosis: string | null;
            visit: {
                date: string;
                technician: string;
                findings: string;
            } | null;
            parts: {
                name: string;
                partNo: string | null;
                quantity: number;
                removedSerial: string | null;
                newSerial: string | null;
                costCny: number | null;
                at: string;
                removedEpc: string | null;
                newEpc: string | null;
            }[];
            conclusion: string | null;
            /** @enum {string|null} */
            outcome: "repaired" | "parts_replaced" | "no_fault_found" | "remanufacture" | "upgrade" | null;
            rating: number | null;
            ratingComment: string | null;
            openedAt: string;
            concludedAt: string | null;
            closedAt: string | null;
            actions: string[];
        };
        ServiceCaseDetail: {
            id: string;
            number: string;
            enterpriseId: string;
            deviceId: string;
            deviceName: string;
            productCode: string;
            productModel: string | null;
            alarmId: string | null;
            /** @enum {string} */
            origin: "alarm" | "owner" | "enterprise";
            title: string;
            titleEn: string;
            description: string | null;
            /** @enum {string} */
            state: "open" | "diagnosed" | "onsite" | "concluded" | "closed";
            telemetryWindow: {
                from: string;
                to: string;
                keys: string[];
            } | null;
            soldOn: string | null;
            warrantyUntil: string | null;
            warrantyClaim: boolean;
            /** @enum {string|null} */
            claimStatus: "pending" | "accepted" | "rejected" | null;
            claimReason: string | null;
            claimCostCny: number | null;
            faultCode: string | null;
            diagnosis: string | null;
            visit: {
                date: string;
                technician: string;
                findings: string;
            } | null;
            parts: {
                name: string;
                partNo: string | null;
                quantity: number;
                removedSerial: string | null;
                newSerial: string | null;
                costCny: number | null;
                at: string;
                removedEpc: string | null;
                newEpc: string | null;
            }[];
            conclusion: string | null;
            /** @enum {string|null} */
            outcome: "repaired" | "parts_replaced" | "no_fault_found" | "remanufacture" | "upgrade" | null;
            rating: number | null;
            ratingComment: string | null;
            openedAt: string;
            concludedAt: string | null;
            closedAt: string | null;
            actions: string[];
            commands: {
                id: string;
                deviceId: string;
                caseId: string | null;
                method: string;
                params: {
                    [key: string]: number | boolean | string;
                };
                /** @enum {string} */
                state: "sent" | "replied" | "failed" | "timeout";
                sentAt: string;
                timeoutAt: string;
                settledAt: string | null;
                reply: unknown;
                error: string | null;
            }[];
            events: {
                id: number;
                at: string;
                kind: string;
                actorId: string | null;
                detail: {
                    [key: string]: unknown;
                } | null;
            }[];
            taxonomy: {
                code: string;
                zh: string;
                en: string;
            }[];
            partsInTrace: boolean;
        };
        CaseStatistics: {
            items: {
                enterpriseId: string;
                enterpriseName: string;
                cases: number;
                resolved: number;
                claims: number;
                claimsAccepted: number;
                claimsRejected: number;
                claimsPending: number;
                claimCostCny: number;
                meanHoursToResolve: number | null;
                medianHoursToResolve: number | null;
                repeatFailures: number;
                meanRating: number | null;
                remanufactureRecommended: number;
                byFault: {
                    [key: string]: number;
                };
                partsReplaced: {
                    model: string;
                    part: string;
                    quantity: number;
                }[];
            }[];
        };
        DeviceAttributes: {
            deviceId: string;
            attributes: {
                [key: string]: (string | number | boolean) | null;
            };
            updatedAt: string | null;
        };
        MqttBrokerAnswer: {
            /** @enum {string} */
            result: "allow" | "deny";
            ok: boolean;
            error: string;
            is_superuser: boolean;
        };
        DeviceCommand: {
            id: string;
            deviceId: string;
            caseId: string | null;
            method: string;
            params: {
                [key: string]: number | boolean | string;
            };
            /** @enum {string} */
            state: "sent" | "replied" | "failed" | "timeout";
            sentAt: string;
            timeoutAt: string;
            settledAt: string | null;
            reply: unknown;
            error: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
