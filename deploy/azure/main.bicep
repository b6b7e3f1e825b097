// Written by scripts/publish.sh from the AppHost's app model. Do not edit: change AppHost/ and publish.

@description('Azure region of the apps.')
param location string = resourceGroup().location

@description('Resource id of the Container Apps environment the apps run in.')
param environmentId string

@description('Registry server the images are pulled from, e.g. myregistry.azurecr.io.')
param registry string

@description('Image tag to deploy (every image carries the same tag).')
param imageTag string

@description('Resource id of the user-assigned identity that pulls images (AcrPull) and reads Key Vault secrets (Key Vault Secrets User).')
param identityId string

@description('Key Vault URI holding the secrets, with the trailing slash, e.g. https://agentcalls-kv.vault.azure.net/.')
param keyVaultUri string

@description('OTLP endpoint (gRPC) of the OpenTelemetry collector that receives traces, metrics and logs.')
param otlpEndpoint string

@description('The browser\'s origin: the gateway\'s custom domain, e.g. https://calls.example.com.')
param publicOrigin string

resource calendar 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'calendar'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      activeRevisionsMode: 'Single'
      dapr: {
        enabled: false
      }
      ingress: {
        external: false
        targetPort: 8080
        transport: 'auto'
        allowInsecure: true
        additionalPortMappings: [
          {
            external: false
            targetPort: 8081
            exposedPort: 8081
          }
        ]
      }
      registries: [
        {
          server: registry
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'secrets-calendar-client-secret'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-calendar-client-secret'
          identity: identityId
        }
        {
          name: 'connectionstrings-calendardb'
          keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-calendardb'
          identity: identityId
        }
        {
          name: 'connectionstrings-redis'
          keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-redis'
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'calendar'
          image: '${registry}/agentcalls/calendar:${imageTag}'
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: [
            {
              name: 'AGENTCALLS_PUBLIC_ORIGIN'
              value: publicOrigin
            }
            {
              name: 'Kestrel__Endpoints__http__Url'
              value: 'http://+:8080'
            }
            {
              name: 'Kestrel__Endpoints__grpc__Url'
              value: 'http://+:8081'
            }
            {
              name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED'
              value: 'true'
            }
            {
              name: 'Auth__Issuer'
              value: '${publicOrigin}/auth/'
            }
            {
              name: 'CLIENTS_GRPC'
              value: 'http://clients:8081'
            }
            {
              name: 'CLIENTS_HTTP'
              value: 'http://clients'
            }
            {
              name: 'Calendar__AppBaseUrl'
              value: '${publicOrigin}/'
            }
            {
              name: 'Calendar__ServiceClientSecret'
              secretRef: 'secrets-calendar-client-secret'
            }
            {
              name: 'ConnectionStrings__calendardb'
              secretRef: 'connectionstrings-calendardb'
            }
            {
              name: 'ConnectionStrings__redis'
              secretRef: 'connectionstrings-redis'
            }
            {
              name: 'IDENTITY_GRPC'
              value: 'http://identity:8081'
            }
            {
              name: 'IDENTITY_HTTP'
              value: 'http://identity'
            }
            {
              name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY'
              value: 'in_memory'
            }
            {
              name: 'services__clients__grpc__0'
              value: 'http://clients:8081'
            }
            {
              name: 'services__clients__http__0'
              value: 'http://clients'
            }
            {
              name: 'services__identity__grpc__0'
              value: 'http://identity:8081'
            }
            {
              name: 'services__identity__http__0'
              value: 'http://identity'
            }
            {
              name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
              value: otlpEndpoint
            }
            {
              name: 'OTEL_SERVICE_NAME'
              value: 'calendar'
            }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 60
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: 2
        maxReplicas: 2
      }
    }
  }
}

resource clients 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'clients'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      activeRevisionsMode: 'Single'
      dapr: {
        enabled: false
      }
      ingress: {
        external: false
        targetPort: 8080
        transport: 'auto'
        allowInsecure: true
        additionalPortMappings: [
          {
            external: false
            targetPort: 8081
            exposedPort: 8081
          }
        ]
      }
      registries: [
        {
          server: registry
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'connectionstrings-clientsdb'
          keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-clientsdb'
          identity: identityId
        }
        {
          name: 'connectionstrings-redis'
          keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-redis'
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'clients'
          image: '${registry}/agentcalls/clients:${imageTag}'
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: [
            {
              name: 'AGENTCALLS_PUBLIC_ORIGIN'
              value: publicOrigin
            }
            {
              name: 'Kestrel__Endpoints__http__Url'
              value: 'http://+:8080'
            }
            {
              name: 'Kestrel__Endpoints__grpc__Url'
              value: 'http://+:8081'
            }
            {
              name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED'
              value: 'true'
            }
            {
              name: 'Auth__Issuer'
              value: '${publicOrigin}/auth/'
            }
            {
              name: 'ConnectionStrings__clientsdb'
              secretRef: 'connectionstrings-clientsdb'
            }
            {
              name: 'ConnectionStrings__redis'
              secretRef: 'connectionstrings-redis'
            }
            {
              name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY'
              value: 'in_memory'
            }
            {
              name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
              value: otlpEndpoint
            }
            {
              name: 'OTEL_SERVICE_NAME'
              value: 'clients'
            }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 60
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: 2
        maxReplicas: 2
      }
    }
  }
}

resource conversation 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'conversation'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      activeRevisionsMode: 'Single'
      dapr: {
        enabled: false
      }
      ingress: {
        external: false
        targetPort: 8080
        transport: 'auto'
        allowInsecure: true
        additionalPortMappings: [
          {
            external: false
            targetPort: 8081
            exposedPort: 8081
          }
        ]
      }
      registries: [
        {
          server: registry
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'secrets-conversation-client-secret'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-conversation-client-secret'
          identity: identityId
        }
        {
          name: 'connectionstrings-conversationdb'
          keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-conversationdb'
          identity: identityId
        }
        {
          name: 'connectionstrings-redis'
          keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-redis'
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'conversation'
          image: '${registry}/agentcalls/conversation:${imageTag}'
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: [
            {
              name: 'AGENTCALLS_PUBLIC_ORIGIN'
              value: publicOrigin
            }
            {
              name: 'Kestrel__Endpoints__http__Url'
              value: 'http://+:8080'
            }
            {
              name: 'Kestrel__Endpoints__grpc__Url'
              value: 'http://+:8081'
            }
            {
              name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED'
              value: 'true'
            }
            {
              name: 'Auth__Issuer'
              value: '${publicOrigin}/auth/'
            }
            {
              name: 'CALENDAR_GRPC'
              value: 'http://calendar:8081'
            }
            {
              name: 'CALENDAR_HTTP'
              value: 'http://calendar'
            }
            {
              name: 'CLIENTS_GRPC'
              value: 'http://clients:8081'
            }
            {
              name: 'CLIENTS_HTTP'
              value: 'http://clients'
            }
            {
              name: 'Calls__ServiceClientSecret'
              secretRef: 'secrets-conversation-client-secret'
            }
            {
              name: 'ConnectionStrings__conversationdb'
              secretRef: 'connectionstrings-conversationdb'
            }
            {
              name: 'ConnectionStrings__redis'
              secretRef: 'connectionstrings-redis'
            }
            {
              name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY'
              value: 'in_memory'
            }
            {
              name: 'TRANSCRIPTION_GRPC'
              value: 'http://transcription:8081'
            }
            {
              name: 'TRANSCRIPTION_HTTP'
              value: 'http://transcription'
            }
            {
              name: 'services__calendar__grpc__0'
              value: 'http://calendar:8081'
            }
            {
              name: 'services__calendar__http__0'
              value: 'http://calendar'
            }
            {
              name: 'services__clients__grpc__0'
              value: 'http://clients:8081'
            }
            {
              name: 'services__clients__http__0'
              value: 'http://clients'
            }
            {
              name: 'services__transcription__grpc__0'
              value: 'http://transcription:8081'
            }
            {
              name: 'services__transcription__http__0'
              value: 'http://transcription'
            }
            {
              name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
              value: otlpEndpoint
            }
            {
              name: 'OTEL_SERVICE_NAME'
              value: 'conversation'
            }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 60
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: 2
        maxReplicas: 6
        rules: [
          {
            name: 'http-load'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
}

resource gateway 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'gateway'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      activeRevisionsMode: 'Single'
      dapr: {
        enabled: false
      }
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registry
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'connectionstrings-redis'
          keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-redis'
          identity: identityId
        }
        {
          name: 'secrets-gateway-client-secret'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-gateway-client-secret'
          identity: identityId
        }
        {
          name: 'secrets-gateway-key-ring-certificate'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-gateway-key-ring-certificate'
          identity: identityId
        }
        {
          name: 'secrets-gateway-key-ring-certificate-password'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-gateway-key-ring-certificate-password'
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'gateway'
          image: '${registry}/agentcalls/gateway:${imageTag}'
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: [
            {
              name: 'AGENTCALLS_PUBLIC_ORIGIN'
              value: publicOrigin
            }
            {
              name: 'Kestrel__Endpoints__http__Url'
              value: 'http://+:8080'
            }
            {
              name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED'
              value: 'true'
            }
            {
              name: 'Auth__Issuer'
              value: '${publicOrigin}/auth/'
            }
            {
              name: 'CALENDAR_GRPC'
              value: 'http://calendar:8081'
            }
            {
              name: 'CALENDAR_HTTP'
              value: 'http://calendar'
            }
            {
              name: 'CLIENTS_GRPC'
              value: 'http://clients:8081'
            }
            {
              name: 'CLIENTS_HTTP'
              value: 'http://clients'
            }
            {
              name: 'CONVERSATION_GRPC'
              value: 'http://conversation:8081'
            }
            {
              name: 'CONVERSATION_HTTP'
              value: 'http://conversation'
            }
            {
              name: 'ConnectionStrings__redis'
              secretRef: 'connectionstrings-redis'
            }
            {
              name: 'Gateway__ClientSecret'
              secretRef: 'secrets-gateway-client-secret'
            }
            {
              name: 'Gateway__DataProtection__Certificate'
              secretRef: 'secrets-gateway-key-ring-certificate'
            }
            {
              name: 'Gateway__DataProtection__CertificatePassword'
              secretRef: 'secrets-gateway-key-ring-certificate-password'
            }
            {
              name: 'IDENTITY_GRPC'
              value: 'http://identity:8081'
            }
            {
              name: 'IDENTITY_HTTP'
              value: 'http://identity'
            }
            {
              name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY'
              value: 'in_memory'
            }
            {
              name: 'TRANSCRIPTION_GRPC'
              value: 'http://transcription:8081'
            }
            {
              name: 'TRANSCRIPTION_HTTP'
              value: 'http://transcription'
            }
            {
              name: 'WEB_HTTP'
              value: 'http://web'
            }
            {
              name: 'services__calendar__grpc__0'
              value: 'http://calendar:8081'
            }
            {
              name: 'services__calendar__http__0'
              value: 'http://calendar'
            }
            {
              name: 'services__clients__grpc__0'
              value: 'http://clients:8081'
            }
            {
              name: 'services__clients__http__0'
              value: 'http://clients'
            }
            {
              name: 'services__conversation__grpc__0'
              value: 'http://conversation:8081'
            }
            {
              name: 'services__conversation__http__0'
              value: 'http://conversation'
            }
            {
              name: 'services__identity__grpc__0'
              value: 'http://identity:8081'
            }
            {
              name: 'services__identity__http__0'
              value: 'http://identity'
            }
            {
              name: 'services__transcription__grpc__0'
              value: 'http://transcription:8081'
            }
            {
              name: 'services__transcription__http__0'
              value: 'http://transcription'
            }
            {
              name: 'services__web__http__0'
              value: 'http://web'
            }
            {
              name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
              value: otlpEndpoint
            }
            {
              name: 'OTEL_SERVICE_NAME'
              value: 'gateway'
            }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 60
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: 2
        maxReplicas: 6
        rules: [
          {
            name: 'http-load'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
}

resource identity 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'identity'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      activeRevisionsMode: 'Single'
      dapr: {
        enabled: false
      }
      ingress: {
        external: false
        targetPort: 8080
        transport: 'auto'
        allowInsecure: true
        additionalPortMappings: [
          {
            external: false
            targetPort: 8081
            exposedPort: 8081
          }
        ]
      }
      registries: [
        {
          server: registry
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'connectionstrings-identitydb'
          keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-identitydb'
          identity: identityId
        }
        {
          name: 'connectionstrings-redis'
          keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-redis'
          identity: identityId
        }
        {
          name: 'secrets-calendar-client-secret'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-calendar-client-secret'
          identity: identityId
        }
        {
          name: 'secrets-conversation-client-secret'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-conversation-client-secret'
          identity: identityId
        }
        {
          name: 'secrets-identity-key-ring-certificate'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-identity-key-ring-certificate'
          identity: identityId
        }
        {
          name: 'secrets-identity-key-ring-certificate-password'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-identity-key-ring-certificate-password'
          identity: identityId
        }
        {
          name: 'secrets-identity-encryption-key'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-identity-encryption-key'
          identity: identityId
        }
        {
          name: 'secrets-gateway-client-secret'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-gateway-client-secret'
          identity: identityId
        }
        {
          name: 'secrets-identity-signing-key'
          keyVaultUrl: '${keyVaultUri}secrets/secrets-identity-signing-key'
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'identity'
          image: '${registry}/agentcalls/identity:${imageTag}'
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: [
            {
              name: 'AGENTCALLS_PUBLIC_ORIGIN'
              value: publicOrigin
            }
            {
              name: 'Kestrel__Endpoints__http__Url'
              value: 'http://+:8080'
            }
            {
              name: 'Kestrel__Endpoints__grpc__Url'
              value: 'http://+:8081'
            }
            {
              name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED'
              value: 'true'
            }
            {
              name: 'Auth__Issuer'
              value: '${publicOrigin}/auth/'
            }
            {
              name: 'ConnectionStrings__identitydb'
              secretRef: 'connectionstrings-identitydb'
            }
            {
              name: 'ConnectionStrings__redis'
              secretRef: 'connectionstrings-redis'
            }
            {
              name: 'Identity__CalendarService__ClientSecret'
              secretRef: 'secrets-calendar-client-secret'
            }
            {
              name: 'Identity__ConversationService__ClientSecret'
              secretRef: 'secrets-conversation-client-secret'
            }
            {
              name: 'Identity__DataProtection__Certificate'
              secretRef: 'secrets-identity-key-ring-certificate'
            }
            {
              name: 'Identity__DataProtection__CertificatePassword'
              secretRef: 'secrets-identity-key-ring-certificate-password'
            }
            {
              name: 'Identity__EncryptionKey'
              secretRef: 'secrets-identity-encryption-key'
            }
            {
              name: 'Identity__Gateway__ClientSecret'
              secretRef: 'secrets-gateway-client-secret'
            }
            {
              name: 'Identity__Gateway__PostLogoutRedirectUri'
              value: '${publicOrigin}/'
            }
            {
              name: 'Identity__Gateway__RedirectUri'
              value: '${publicOrigin}/bff/callback'
            }
            {
              name: 'Identity__SigningKey'
              secretRef: 'secrets-identity-signing-key'
            }
            {
              name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY'
              value: 'in_memory'
            }
            {
              name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
              value: otlpEndpoint
            }
            {
              name: 'OTEL_SERVICE_NAME'
              value: 'identity'
            }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 60
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: 2
        maxReplicas: 2
      }
    }
  }
}

resource transcription 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'transcription'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      activeRevisionsMode: 'Single'
      dapr: {
        enabled: false
      }
      ingress: {
        external: false
        targetPort: 8080
        transport: 'auto'
        allowInsecure: true
        additionalPortMappings: [
          {
            external: false
            targetPort: 8081
            exposedPort: 8081
          }
        ]
      }
      registries: [
        {
          server: registry
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'connectionstrings-redis'
          keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-redis'
          identity: identityId
        }
        {
          name: 'connectionstrings-transcriptiondb'
          keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-transcriptiondb'
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'transcription'
          image: '${registry}/agentcalls/transcription:${imageTag}'
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: [
            {
              name: 'AGENTCALLS_PUBLIC_ORIGIN'
              value: publicOrigin
            }
            {
              name: 'Kestrel__Endpoints__http__Url'
              value: 'http://+:8080'
            }
            {
              name: 'Kestrel__Endpoints__grpc__Url'
              value: 'http://+:8081'
            }
            {
              name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED'
              value: 'true'
            }
            {
              name: 'Auth__Issuer'
              value: '${publicOrigin}/auth/'
            }
            {
              name: 'ConnectionStrings__redis'
              secretRef: 'connectionstrings-redis'
            }
            {
              name: 'ConnectionStrings__transcriptiondb'
              secretRef: 'connectionstrings-transcriptiondb'
            }
            {
              name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY'
              value: 'in_memory'
            }
            {
              name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
              value: otlpEndpoint
            }
            {
              name: 'OTEL_SERVICE_NAME'
              value: 'transcription'
            }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 60
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/alive'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: 2
        maxReplicas: 8
        rules: [
          {
            name: 'http-load'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
}

resource web 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'web'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      activeRevisionsMode: 'Single'
      dapr: {
        enabled: false
      }
      ingress: {
        external: false
        targetPort: 8080
        transport: 'auto'
        allowInsecure: true
      }
      registries: [
        {
          server: registry
          identity: identityId
        }
      ]
      secrets: [
      ]
    }
    template: {
      containers: [
        {
          name: 'web'
          image: '${registry}/agentcalls/web:${imageTag}'
          resources: {
            cpu: json('0.25')
            memory: '0.5Gi'
          }
          env: [
            {
              name: 'PORT'
              value: '8080'
            }
            {
              name: 'HOSTNAME'
              value: '0.0.0.0'
            }
            {
              name: 'NEXT_TELEMETRY_DISABLED'
              value: '1'
            }
            {
              name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
              value: otlpEndpoint
            }
            {
              name: 'OTEL_SERVICE_NAME'
              value: 'web'
            }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 60
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: 1
      }
    }
  }
}

@description('The public address of the system (the gateway\'s ingress).')
output gatewayFqdn string = gateway.properties.configuration.ingress.fqdn
